package rest_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/restframe/restframe/rest"
	"github.com/restframe/restframe/web"
)

// burstThrottle allows one request per client address per period: a
// minimal DRF AnonRateThrottle. It is shared by every request, hence the
// mutex.
type burstThrottle struct {
	period time.Duration
	now    func() time.Time
	mu     sync.Mutex
	last   map[string]time.Time
}

func (t *burstThrottle) Allow(r *rest.Request) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	addr, now := r.HTTP().RemoteAddr, t.now()
	if last, ok := t.last[addr]; ok && now.Sub(last) < t.period {
		return false
	}
	t.last[addr] = now
	return true
}

func (t *burstThrottle) Wait(r *rest.Request) float64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	return (t.period - t.now().Sub(t.last[r.HTTP().RemoteAddr])).Seconds()
}

func ExampleThrottle() {
	start := time.Unix(1700000000, 0)
	throttle := &burstThrottle{period: time.Minute, now: func() time.Time { return start }, last: map[string]time.Time{}}
	v := &rest.View{
		Throttles: []rest.Throttle{throttle},
		Get: func(*rest.Request) (*rest.Response, error) {
			return rest.NewResponse("ok", http.StatusOK), nil
		},
	}
	h := (&web.Server{}).Handle(v.Handler())
	for range 2 {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		fmt.Println(w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	// Output:
	// 200  "ok"
	// 429 60 {"detail":"Request was throttled. Expected available in 60 seconds."}
}
