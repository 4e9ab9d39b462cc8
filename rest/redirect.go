package rest

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

// Redirect returns a Response that redirects to the given URL with status,
// a 3xx code such as http.StatusSeeOther after a form post: DRF's
// Response(status=303, headers={"Location": to}) with Django's checks of
// HttpResponseRedirect. Location is web.IRIToURI(to); a URL with an unsafe
// scheme (javascript:, data: ...) or longer than
// web.DefaultMaxRedirectLength is refused with an error wrapping
// web.ErrDisallowedRedirect (a 400 when returned from a handler), exactly
// as web.NewRedirectWith refuses it. The Response has no data, so it has
// no body and no Content-Type; set Data for a body that the negotiated
// renderer renders (an HTML page telling where to go, say).
//
// A status outside 300–399 is a programming error and makes Redirect panic.
func Redirect(to string, status int) (*Response, error) {
	if status < 300 || status > 399 {
		panic(fmt.Sprintf("rest: Redirect with status %d, not a 3xx", status))
	}
	checked, err := web.NewRedirect(to)
	if err != nil {
		return nil, err
	}
	r := NewResponse(nil, status)
	r.Header()["Location"] = []string{checked.URL()}
	return r, nil
}
