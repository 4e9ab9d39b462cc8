package web

// Session is Django's request.session: a dictionary kept between requests.
type Session struct {
	data     map[string]any
	modified bool
	accessed bool
}
