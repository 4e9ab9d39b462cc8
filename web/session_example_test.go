package web_test

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/restframe/restframe/web"
)

func ExampleSessions() {
	settings := &web.Settings{
		SecretKey: "django-insecure-example",
		Now:       func() time.Time { return time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC) },
	}
	srv := &web.Server{
		Settings:   settings,
		Middleware: []web.Middleware{web.Sessions(web.SessionOptions{})},
	}
	h := srv.Handle(func(r *web.Request) (web.Response, error) {
		s := r.Session()
		visits, _ := s.GetInt("visits")
		s.Set("visits", visits+1)
		return web.NewHTTPResponse(fmt.Sprintf("visit %d", visits+1)), nil
	})

	cookie := ""
	for range 3 {
		req := httptest.NewRequest("GET", "/", nil)
		if cookie != "" {
			req.Header.Set("Cookie", cookie)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		setCookie := rec.Header().Get("Set-Cookie")
		cookie, _, _ = strings.Cut(setCookie, ";") // what a browser sends back
		_, attrs, _ := strings.Cut(setCookie, "; ")
		fmt.Printf("%s | Vary: %s | %s\n", rec.Body, rec.Header().Get("Vary"), attrs)
	}
	// Output:
	// visit 1 | Vary: Cookie | expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax
	// visit 2 | Vary: Cookie | expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax
	// visit 3 | Vary: Cookie | expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax
}

// The pure form: a session cookie value, byte for byte what Django's
// signed_cookies backend writes for the same data, key and time.
func ExampleEncodeSession() {
	settings := &web.Settings{
		SecretKey: "secret",
		Now:       func() time.Time { return time.Unix(1700000000, 0) },
	}
	v, err := web.EncodeSession(map[string]any{"_auth_user_id": "1"}, settings)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v)
	data, err := web.DecodeSession(v, settings, web.DefaultSessionCookieAge)
	fmt.Println(data, err)
	// Output:
	// eyJfYXV0aF91c2VyX2lkIjoiMSJ9:1r31eq:2Wh_ohKpzvuWIja1kVBfVQF0hI4zzN6zTzSEochu0Jo
	// map[_auth_user_id:1] <nil>
}

func ExampleDecodeSession() {
	settings := &web.Settings{SecretKey: "secret"}
	_, err := web.DecodeSession("eyJhIjoxfQ:1r31eq:forged", settings, 0)
	fmt.Println(err != nil)
	// Output:
	// true
}

func ExampleSession() {
	var s web.Session // a free-standing session, as in a unit test
	s.Set("cart", []int{3, 5})
	var cart []int
	found, err := s.Decode("cart", &cart)
	fmt.Println(cart, found, err, s.Modified())
	s.Flush()
	fmt.Println(s.Len(), s.Keys())
	// Output:
	// [3 5] true <nil> true
	// 0 []
}
