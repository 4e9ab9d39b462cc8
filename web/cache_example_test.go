package web_test

import (
	"fmt"
	"net/http"
	"time"

	"github.com/restframe/restframe/web"
)

func ExamplePatchVaryHeaders() {
	h := http.Header{"Vary": {"Cookie"}}
	web.PatchVaryHeaders(h, "Accept", "cookie")
	fmt.Println(h.Get("Vary"))
	// Output: Cookie, Accept
}

func ExampleHasVaryHeader() {
	h := http.Header{"Vary": {"Accept-Encoding, Cookie"}}
	fmt.Println(web.HasVaryHeader(h, "cookie"), web.HasVaryHeader(h, "Accept"))
	// Output: true false
}

func ExamplePatchCacheControl() {
	h := http.Header{"Cache-Control": {"private, max-age=600"}}
	// Django: patch_cache_control(response, public=True, max_age=3600)
	web.PatchCacheControl(h, "public", "max_age=3600")
	fmt.Println(h.Get("Cache-Control"))
	// Output: max-age=600, public
}

func ExampleGetMaxAge() {
	fmt.Println(web.GetMaxAge(http.Header{"Cache-Control": {"public, max-age=3600"}}))
	fmt.Println(web.GetMaxAge(http.Header{"Cache-Control": {"no-store"}}))
	// Output:
	// 3600 true
	// 0 false
}

func ExamplePatchResponseHeaders() {
	h := http.Header{}
	web.PatchResponseHeaders(h, 10*time.Minute, time.Unix(1700000000, 0))
	fmt.Println(h.Get("Expires"))
	fmt.Println(h.Get("Cache-Control"))
	// Output:
	// Tue, 14 Nov 2023 22:23:20 GMT
	// max-age=600
}

func ExampleAddNeverCacheHeaders() {
	h := http.Header{}
	web.AddNeverCacheHeaders(h, time.Unix(1700000000, 0))
	fmt.Println(h.Get("Expires"))
	fmt.Println(h.Get("Cache-Control"))
	// Output:
	// Tue, 14 Nov 2023 22:13:20 GMT
	// max-age=0, no-cache, no-store, must-revalidate, private
}

// neverCachePage is a minimal response type for the example.
type neverCachePage struct{ web.BaseResponse }

func (p *neverCachePage) Send(w http.ResponseWriter, _ *http.Request) error { return p.WriteHeader(w) }

func ExampleNeverCache() {
	settings := &web.Settings{Now: func() time.Time { return time.Unix(1700000000, 0) }}
	view := web.NeverCache(func(r *web.Request) (web.Response, error) {
		return &neverCachePage{}, nil
	})
	resp, _ := view(web.NewRequest(neverCacheRequest(), settings))
	fmt.Println(resp.Base().Header().Get("Cache-Control"))
	// Output: max-age=0, no-cache, no-store, must-revalidate, private
}

func neverCacheRequest() *http.Request {
	r, _ := http.NewRequest("GET", "http://example.com/", nil)
	return r
}
