package web_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/restframe/restframe/internal/vectors"
	"github.com/restframe/restframe/web"
)

// urlEncodeFuncTests are django.utils.http.urlencode cases checked on
// Django 3.2.
var urlEncodeFuncTests = []struct {
	name   string
	params []web.Param
	doseq  bool
	want   string
}{
	{"python str()", []web.Param{
		{"a", 1.0}, {"b", true}, {"c", 1e16}, {"d", []any{1, "x"}}, {"e", 0.0001},
		{"f", 1e-5}, {"g", 123456789012345678.0}, {"h", []byte{0xff}},
	}, false, "a=1.0&b=True&c=1e%2B16&d=%5B1%2C+%27x%27%5D&e=0.0001&f=1e-05&g=1.2345678901234568e%2B17&h=%FF"},
	{"empty list doseq", []web.Param{{"a", []string{}}, {"b", "1"}}, true, "b=1"},
	{"lists doseq", []web.Param{{"a", []int{1, 2}}, {"b", []bool{false}}, {"c", [][]byte{[]byte("x y")}}, {"d", []float64{2.5}}, {"e", []int64{-3}}}, true, "a=1&a=2&b=False&c=x+y&d=2.5&e=-3"},
	{"list no doseq", []web.Param{{"a", []string{"1", "2"}}}, false, "a=%5B%271%27%2C+%272%27%5D"},
	{"ints", []web.Param{{"a", int8(-1)}, {"b", uint16(2)}, {"c", int32(3)}, {"d", uint(4)}, {"e", uint64(5)}, {"f", int16(6)}, {"g", uint8(7)}, {"h", uint32(8)}}, false, "a=-1&b=2&c=3&d=4&e=5&f=6&g=7&h=8"},
	{"stringer", []web.Param{{"d", time.Duration(1500) * time.Millisecond}}, false, "d=1.5s"},
	{"other", []web.Param{{"m", struct{ A int }{1}}}, false, "m=%7B1%7D"},
	{"floats", []web.Param{{"a", float32(0.1)}, {"b", math.Inf(1)}, {"c", math.NaN()}, {"d", math.Copysign(0, -1)}, {"e", 100.0}, {"f", 1e22}, {"g", 0.00012}}, false, "a=0.1&b=inf&c=nan&d=-0.0&e=100.0&f=1e%2B22&g=0.00012"},
}

func TestURLEncode(t *testing.T) {
	for _, tt := range urlEncodeFuncTests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := web.URLEncode(tt.params, tt.doseq)
			if err != nil || got != tt.want {
				t.Errorf("URLEncode(%v, %v) = %q, %v; want %q", tt.params, tt.doseq, got, err, tt.want)
			}
		})
	}
}

func TestURLEncodeNone(t *testing.T) {
	for _, doseq := range []bool{false, true} {
		for _, v := range []any{nil, []any{"x", nil}} {
			if v != nil && !doseq {
				continue
			}
			_, err := web.URLEncode([]web.Param{{"k", v}}, doseq)
			if !errors.Is(err, web.ErrNoneValue) {
				t.Errorf("URLEncode(k=%v, %v) error %v; want ErrNoneValue", v, doseq, err)
			}
		}
	}
}

// decodeOrderedQuery decodes a JSON object into Params in document order,
// numbers becoming int64 or float64 and arrays []any.
func decodeOrderedQuery(t *testing.T, raw json.RawMessage) []web.Param {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("query %s is not an object", raw)
	}
	var params []web.Param
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		params = append(params, web.Param{Key: tok.(string), Value: jsonToGo(v)})
	}
	return params
}

func jsonToGo(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(string(x), 10, 64); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = jsonToGo(x[i])
		}
		return x
	}
	return v
}

// TestVectorsUrlencode replays the "urlencode" conformance vectors
// (django.utils.http.urlencode on Django 3.2, unchanged since).
func TestVectorsUrlencode(t *testing.T) {
	for _, u := range vectors.Units(t, "urlencode") {
		t.Run(u.ID, func(t *testing.T) {
			var in struct {
				Query json.RawMessage `json:"query"`
				Doseq bool            `json:"doseq"`
			}
			vectors.Decode(t, u.Input, &in)
			params := decodeOrderedQuery(t, in.Query)
			got, err := web.URLEncode(params, in.Doseq)
			var wantErr struct {
				Error   string `json:"error"`
				Message string `json:"message"`
			}
			if json.Unmarshal(u.Output, &wantErr) == nil && wantErr.Error != "" {
				if !errors.Is(err, web.ErrNoneValue) || !strings.HasSuffix(err.Error(), ": "+wantErr.Message) {
					t.Fatalf("URLEncode(%s) = %q, %v; want %s %q", in.Query, got, err, wantErr.Error, wantErr.Message)
				}
				return
			}
			var want string
			vectors.Decode(t, u.Output, &want)
			if err != nil || got != want {
				t.Errorf("URLEncode(%s, %v) = %q, %v; want %q", in.Query, in.Doseq, got, err, want)
			}
		})
	}
}
