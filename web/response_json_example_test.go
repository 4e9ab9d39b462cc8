package web_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/web"
)

func ExampleNewJSONResponse() {
	r, err := web.NewJSONResponse(map[string]any{"foo": "bar", "n": []any{1.5, nil, true}})
	if err != nil {
		panic(err)
	}
	show(r)

	_, err = web.NewJSONResponse([]int{1, 2, 3})
	fmt.Println(err)
	// Output:
	// 200 OK
	// Content-Length: 38
	// Content-Type: application/json
	//
	// {"foo": "bar", "n": [1.5, null, true]}
	// web: in order to allow non-dict objects to be serialized set the safe parameter to False (JSONOptions.AllowNonObject)
}

func ExampleNewJSONResponseWith() {
	r, err := web.NewJSONResponseWith([]any{"café", 1e16}, web.JSONOptions{
		AllowNonObject: true, // safe=False
		RawUnicode:     true, // ensure_ascii=False
		Indent:         2,
	})
	if err != nil {
		panic(err)
	}
	r.StatusCode = 201
	fmt.Println(r.Status())
	fmt.Println(string(r.Content()))
	// Output:
	// 201
	// [
	//   "café",
	//   1e+16
	// ]
}

func ExampleDumpJSON() {
	when := time.Date(2020, 1, 2, 3, 4, 5, 678901000, time.UTC)
	b, err := web.DumpJSON(web.JSONObject{ // keys keep this order
		{"dt", web.NaiveDateTime(when)},
		{"dtz", when},
		{"d", web.Date(when)},
		{"t", web.TimeOfDay(when)},
		{"td", 26*time.Hour + 3*time.Second + 4*time.Microsecond},
		{"s", "España ☃"},
	}, web.JSONOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(b))
	// Output:
	// {"dt": "2020-01-02T03:04:05.678", "dtz": "2020-01-02T03:04:05.678Z", "d": "2020-01-02", "t": "03:04:05.678", "td": "P1DT02H00M03.000004S", "s": "Espa\u00f1a \u2603"}
}

// An encoder hook is Django's encoder argument: it turns values of your
// types into values JSON can hold.
func ExampleJSONEncoderFunc() {
	type point struct{ X, Y int }
	enc := web.JSONEncoderFunc(func(v any) (any, bool, error) {
		if p, ok := v.(point); ok {
			return []int{p.X, p.Y}, true, nil
		}
		return nil, false, nil
	})
	r, err := web.NewJSONResponseWith(map[string]any{"at": point{3, 4}}, web.JSONOptions{Encoder: enc})
	if err != nil {
		panic(err)
	}
	fmt.Println(string(r.Content()))
	// Output:
	// {"at": [3, 4]}
}
