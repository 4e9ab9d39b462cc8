package rest_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

var redirectTests = []struct {
	to       string
	status   int
	location string
	err      error
}{
	{"/snippets/1/", http.StatusSeeOther, "/snippets/1/", nil},
	{"https://example.com/a b/é?q=1 2", http.StatusFound, "https://example.com/a%20b/%C3%A9?q=1%202", nil},
	{"/x", http.StatusPermanentRedirect, "/x", nil},
	{"javascript:alert(1)", http.StatusSeeOther, "", web.ErrDisallowedRedirect},
	{" java\tscript:alert(1)", http.StatusSeeOther, "", web.ErrDisallowedRedirect},
}

func TestRedirect(t *testing.T) {
	for _, tt := range redirectTests {
		t.Run(tt.to, func(t *testing.T) {
			r, err := rest.Redirect(tt.to, tt.status)
			if tt.err != nil {
				if !errors.Is(err, tt.err) || r != nil {
					t.Fatalf("Redirect(%q) = %v, %v; want error %v", tt.to, r, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Redirect(%q) error %v", tt.to, err)
			}
			v := &rest.View{Post: func(*rest.Request) (*rest.Response, error) { return r, nil }}
			rec := httptest.NewRecorder()
			v.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
			if rec.Code != tt.status || rec.Header().Get("Location") != tt.location || rec.Body.Len() != 0 || rec.Header().Get("Content-Type") != "" {
				t.Errorf("Redirect(%q): %d Location %q Content-Type %q body %q; want %d %q, no body", tt.to,
					rec.Code, rec.Header().Get("Location"), rec.Header().Get("Content-Type"), rec.Body, tt.status, tt.location)
			}
		})
	}
}

func TestRedirectUnsafeIs400(t *testing.T) {
	v := &rest.View{Post: func(*rest.Request) (*rest.Response, error) {
		return rest.Redirect("javascript:alert(1)", http.StatusSeeOther)
	}}
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, httptest.NewRequest("POST", "/", nil))
	if rec.Code != http.StatusBadRequest {
		t.Errorf("unsafe redirect: status %d; want 400", rec.Code)
	}
}

func TestRedirectStatusPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Redirect(_, 200) did not panic")
		}
	}()
	_, _ = rest.Redirect("/", http.StatusOK)
}

// After a form post, a view sends the browser to the new resource.
func ExampleRedirect() {
	v := &rest.View{Post: func(*rest.Request) (*rest.Response, error) {
		return rest.Redirect("/snippets/7/", http.StatusSeeOther)
	}}
	rec := httptest.NewRecorder()
	v.ServeHTTP(rec, httptest.NewRequest("POST", "/snippets/", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))
	// Output: 303 /snippets/7/
}
