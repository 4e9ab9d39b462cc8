package resttest_test

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/restframe/restframe/resttest"
)

// Data decodes a JSON body, the nearest thing to DRF's response.data.
func ExampleResponse_Data() {
	c := &resttest.Client{Handler: snippetView()}
	resp, _ := c.Get("/snippets", nil)
	data, err := resp.Data()
	fmt.Println(data, err)

	resp, _ = c.Get("/snippets", map[string]string{"format": "txt"}) // not a format of the view
	data, err = resp.Data()
	fmt.Println(resp.StatusCode, data, err)

	html := &resttest.Client{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>hi</p>")
	})}
	resp, _ = html.Get("/", nil)
	_, err = resp.Data()
	fmt.Println(errors.Is(err, resttest.ErrNotJSON))
	// Output:
	// [map[code:print(1) id:1]] <nil>
	// 404 map[detail:Not found.] <nil>
	// true
}

// Record serves a request with any handler.
func ExampleRecord() {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "theme", Value: "dark"})
		w.WriteHeader(http.StatusAccepted)
		fmt.Fprint(w, "queued")
	})
	var f resttest.RequestFactory
	req, _ := f.Post("/jobs", nil)
	resp := resttest.Record(h, req)
	fmt.Println(resp.StatusCode, resp.Text(), resp.Cookies()[0].Value, resp.Result().Status)
	// Output:
	// 202 queued dark 202 Accepted
}
