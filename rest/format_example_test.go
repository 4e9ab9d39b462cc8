package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"

	"github.com/restframe/restframe/rest"
)

func ExampleFormatSuffixHandler() {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /items/{id}", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "item %s as %q", r.PathValue("id"), r.PathValue("format"))
	})
	h := rest.FormatSuffixHandler(mux, "json", "html")
	for _, target := range []string{"/items/5", "/items/5.json", "/items/5.html/", "/items/5.xml"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 item 5 as ""
	// 200 item 5 as "json"
	// 200 item 5 as "html"
	// 404 404 page not found
}

func ExampleFormatSuffix() {
	h := rest.FormatSuffix{AppendSlash: true, Kwarg: "fmt"}.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, r.URL.Path, " ", r.PathValue("fmt"))
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/users.csv", nil))
	fmt.Println(rec.Body)
	// Output: /users/ csv
}

func ExampleSplitFormatSuffix() {
	fmt.Println(rest.SplitFormatSuffix("/users/5.json/"))
	fmt.Println(rest.SplitFormatSuffix("/users/.json"))
	// Output:
	// /users/5 json true
	// /users/.json  false
}
