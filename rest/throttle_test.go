package rest

import (
	"net/http/httptest"
	"testing"

	"github.com/restframe/restframe/web"
)

// testThrottle allows or refuses every request, with a fixed wait.
type testThrottle struct {
	allow bool
	wait  float64
}

func (t testThrottle) Allow(*Request) bool   { return t.allow }
func (t testThrottle) Wait(*Request) float64 { return t.wait }

var throttleTests = []struct {
	name       string
	view       *View
	status     int
	body       string
	retryAfter string
}{
	{"none", &View{Get: ok(1)}, 200, "1", ""},
	{"allowed", &View{Get: ok(1), Throttles: []Throttle{testThrottle{allow: true}}}, 200, "1", ""},
	{"refused rounds up", &View{Get: ok(1), Throttles: []Throttle{testThrottle{wait: 7.2}}}, 429,
		`{"detail":"Request was throttled. Expected available in 8 seconds."}`, "8"},
	{"longest wait of the refusals", &View{Get: ok(1), Throttles: []Throttle{
		testThrottle{wait: 3}, testThrottle{allow: true, wait: 100}, testThrottle{wait: 0.5}, testThrottle{wait: -1},
	}}, 429, `{"detail":"Request was throttled. Expected available in 3 seconds."}`, "3"},
	{"unknown wait", &View{Get: ok(1), Throttles: []Throttle{testThrottle{wait: -1}}}, 429,
		`{"detail":"Request was throttled."}`, ""},
	{"from settings", &View{Get: ok(1), Settings: &Settings{Throttles: []Throttle{testThrottle{wait: 1}}}}, 429,
		`{"detail":"Request was throttled. Expected available in 1 second."}`, "1"},
	{"view overrides settings", &View{Get: ok(1), Throttles: []Throttle{},
		Settings: &Settings{Throttles: []Throttle{testThrottle{wait: 1}}}}, 200, "1", ""},
	{"after permissions", &View{Get: ok(1), Throttles: []Throttle{testThrottle{wait: 1}},
		Permissions: []Permission{PermissionFunc(func(*Request, *View) bool { return false })}}, 403,
		`{"detail":"You do not have permission to perform this action."}`, ""},
}

func TestThrottles(t *testing.T) {
	for _, tt := range throttleTests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			srv := &web.Server{Logger: discardLogger()}
			srv.Handle(tt.view.Handler()).ServeHTTP(rec, httptest.NewRequest("GET", "/x", nil))
			if rec.Code != tt.status || rec.Body.String() != tt.body {
				t.Errorf("GET /x = %d %q; want %d %q", rec.Code, rec.Body, tt.status, tt.body)
			}
			if got := rec.Header().Get("Retry-After"); got != tt.retryAfter {
				t.Errorf("GET /x: Retry-After = %q; want %q", got, tt.retryAfter)
			}
		})
	}
}
