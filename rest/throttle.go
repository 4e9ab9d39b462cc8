package rest

// Throttle is DRF's BaseThrottle: it decides whether a request may proceed
// now. A View checks its throttles after authentication and permissions
// (DRF's check_throttles); when any refuses, the request fails with
// Throttled carrying the longest Wait of the throttles that refused, and
// the Retry-After header rounds it up to whole seconds.
//
// A Throttle is shared by every request of its views, so implementations
// must be safe for concurrent use and keep per-client state (keyed by user
// or address) themselves; Wait is given the request so that it can answer
// for that client.
type Throttle interface {
	// Allow is DRF's allow_request: whether the request may proceed.
	Allow(r *Request) bool
	// Wait is DRF's wait(): the seconds to wait before the next request
	// is allowed, called only after Allow refused. A negative value is
	// DRF's None: unknown, no Retry-After.
	Wait(r *Request) float64
}

// checkThrottles is DRF's check_throttles: nil when every throttle allows
// the request, else Throttled with the longest known wait.
func checkThrottles(r *Request, throttles []Throttle) error {
	denied := false
	wait := -1.0
	for _, t := range throttles {
		if t.Allow(r) {
			continue
		}
		denied = true
		if w := t.Wait(r); w >= 0 && w > wait {
			wait = w
		}
	}
	if !denied {
		return nil
	}
	return Throttled(wait)
}
