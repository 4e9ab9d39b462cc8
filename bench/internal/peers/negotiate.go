// Package peers builds the handlers and negotiators that the benchmarks,
// the throughput servers and the report compare: restframe's and those of
// the Go peers (net/http, gin, echo, chi, huma, fiber, elnormous/contenttype),
// each configured the way its documentation shows. It exists only in the
// bench module, so that no peer ever enters restframe's own go.mod.
package peers

import (
	"fmt"

	"net/http/httptest"

	"github.com/danielgtaylor/huma/v2/negotiation"
	"github.com/elnormous/contenttype"
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v3"
	"github.com/restframe/restframe/mediatype"
	"github.com/valyala/fasthttp"
)

// Real Accept headers, the same strings as restframe's mediatype tests.
const (
	// AcceptChrome is Chrome's (and Edge's) navigation Accept header.
	AcceptChrome = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
	// AcceptFirefox is Firefox's (128+) navigation Accept header.
	AcceptFirefox = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	// AcceptSafari is Safari's navigation Accept header.
	AcceptSafari = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
)

// Header is one Accept header of BenchmarkNegotiate.
type Header struct {
	Name   string // sub-benchmark name
	Accept string // the Accept field value
	Want   string // the offer RFC 9110 §12.5.1 selects among Offers
}

// Headers are the Accept headers of BenchmarkNegotiate, in the issue's
// order.
var Headers = []Header{
	{"chrome", AcceptChrome, "text/html"},
	{"firefox", AcceptFirefox, "text/html"},
	{"safari", AcceptSafari, "text/html"},
	{"curl", "*/*", "application/json"},
	{"json", "application/json", "application/json"},
	{"q", "text/html;q=0.1, application/json;q=0.9", "application/json"},
}

// Offers are the offered media types, in server order: JSON first, then
// the browsable API's HTML.
var Offers = []string{"application/json", "text/html"}

// Negotiator is one implementation of Accept negotiation.
type Negotiator struct {
	// Name is the sub-benchmark name.
	Name string
	// Entry names the library function that is measured.
	Entry string
	// Prepare does the per-server (or, for frameworks that bind the header
	// to a request context, per-request-object) setup for one Accept
	// header outside the timed loop, and returns the function that does one
	// negotiation and returns the chosen offer ("" for none).
	Prepare func(accept string) (func() string, error)
}

// Negotiators are the implementations of BenchmarkNegotiate, in the
// issue's order.
func Negotiators() []Negotiator {
	return []Negotiator{
		{"restframe-rfc", "mediatype.Negotiator.Negotiate (ModeRFC)", restframeNegotiator(mediatype.ModeRFC)},
		{"restframe-drf", "mediatype.Negotiator.Negotiate (ModeDRF)", restframeNegotiator(mediatype.ModeDRF)},
		{"gin", "gin.Context.NegotiateFormat (Accepted reset per call)", ginNegotiator},
		{"fiber", "fiber.Ctx.Accepts (v3)", fiberNegotiator},
		{"huma", "negotiation.SelectQValueFast", humaNegotiator},
		{"elnormous", "contenttype.GetAcceptableMediaTypeFromHeader", elnormousNegotiator},
	}
}

func restframeNegotiator(mode mediatype.Mode) func(string) (func() string, error) {
	return func(accept string) (func() string, error) {
		n, err := mediatype.NewNegotiator(mode, Offers...)
		if err != nil {
			return nil, err
		}
		return func() string {
			m, ok := n.Negotiate(accept)
			if !ok {
				return ""
			}
			return m.Offer()
		}, nil
	}
}

// ginNegotiator measures gin's Context.NegotiateFormat. gin caches the
// parsed header in Context.Accepted for the life of the request; a server
// parses it once per request, so each call starts from a fresh cache.
func ginNegotiator(accept string) (func() string, error) {
	gin.SetMode(gin.ReleaseMode)
	c, _ := gin.CreateTestContext(httptest.NewRecorder())
	c.Request = httptest.NewRequest("GET", "/", nil)
	c.Request.Header.Set("Accept", accept)
	return func() string {
		c.Accepted = nil
		return c.NegotiateFormat(Offers...)
	}, nil
}

// fiberNegotiator measures fiber v3's Ctx.Accepts on a context acquired once
// for a fasthttp request that carries the header.
func fiberNegotiator(accept string) (func() string, error) {
	app := fiber.New()
	fctx := new(fasthttp.RequestCtx)
	fctx.Request.Header.SetMethod("GET")
	fctx.Request.SetRequestURI("/")
	fctx.Request.Header.Set("Accept", accept)
	c := app.AcquireCtx(fctx)
	if c == nil {
		return nil, fmt.Errorf("fiber: no context")
	}
	return func() string { return c.Accepts(Offers...) }, nil
}

// humaNegotiator measures huma's allocation-free q-value selection, the
// function its API uses to pick a response format.
func humaNegotiator(accept string) (func() string, error) {
	return func() string { return negotiation.SelectQValueFast(accept, Offers) }, nil
}

// elnormousNegotiator measures contenttype.GetAcceptableMediaTypeFromHeader
// over offers parsed once; the chosen type is mapped back to the offer
// without building a string.
func elnormousNegotiator(accept string) (func() string, error) {
	avail := make([]contenttype.MediaType, len(Offers))
	for i, o := range Offers {
		avail[i] = contenttype.NewMediaType(o)
	}
	return func() string {
		mt, _, err := contenttype.GetAcceptableMediaTypeFromHeader(accept, avail)
		if err != nil {
			return ""
		}
		for i := range avail {
			if avail[i].Type == mt.Type && avail[i].Subtype == mt.Subtype {
				return Offers[i]
			}
		}
		return ""
	}, nil
}
