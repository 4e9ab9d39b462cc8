package web_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/web"
)

// cookieClock is the clock of these examples: Tue, 14 Nov 2023 22:13:20 GMT.
var cookieClock = time.Unix(1700000000, 0)

func ExampleBaseResponse_SetCookie() {
	var resp web.BaseResponse
	_ = resp.SetCookie("theme", "dark", web.CookieOptions{})
	_ = resp.SetCookie("sessionid", "a b;c", web.CookieOptions{
		MaxAge:   time.Hour,
		HTTPOnly: true,
		Secure:   true,
		SameSite: "Lax",
		Now:      cookieClock,
	})
	err := resp.SetCookie("bad name", "v", web.CookieOptions{})
	for _, c := range resp.Cookies() {
		fmt.Println(c)
	}
	fmt.Println(err)
	// Output:
	// theme=dark; Path=/
	// sessionid="a b\073c"; expires=Tue, 14 Nov 2023 23:13:20 GMT; HttpOnly; Max-Age=3600; Path=/; SameSite=Lax; Secure
	// web: illegal cookie name: "bad name"
}

// Which expiry to pick: MaxAge for a lifetime (expires follows from it),
// Expires for a point in time (Django turns it into a max-age), ExpiresText
// for a date written verbatim, MaxAgeSet for Max-Age=0.
func ExampleCookieOptions() {
	var resp web.BaseResponse
	_ = resp.SetCookie("a", "1", web.CookieOptions{MaxAge: time.Minute, Now: cookieClock})
	_ = resp.SetCookie("b", "1", web.CookieOptions{Expires: cookieClock.Add(time.Minute), Now: cookieClock})
	_ = resp.SetCookie("c", "1", web.CookieOptions{ExpiresText: "Thu, 01 Jan 2037 00:00:00 GMT"})
	_ = resp.SetCookie("d", "1", web.CookieOptions{MaxAgeSet: true, NoPath: true, Now: cookieClock})
	for _, c := range resp.Cookies() {
		fmt.Println(c)
	}
	// Output:
	// a=1; expires=Tue, 14 Nov 2023 22:14:20 GMT; Max-Age=60; Path=/
	// b=1; expires=Tue, 14 Nov 2023 22:14:21 GMT; Max-Age=61; Path=/
	// c=1; expires=Thu, 01 Jan 2037 00:00:00 GMT; Path=/
	// d=1; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0
}

func ExampleBaseResponse_DeleteCookie() {
	var resp web.BaseResponse
	_ = resp.DeleteCookie("sessionid", web.DeleteCookieOptions{})
	_ = resp.DeleteCookie("__Host-token", web.DeleteCookieOptions{SameSite: "None"})
	for _, c := range resp.Cookies() {
		fmt.Println(c)
	}
	// Output:
	// sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/
	// __Host-token=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=None; Secure
}

func ExampleBaseResponse_SetSignedCookie() {
	settings := &web.Settings{
		SecretKey: "secret",
		Now:       func() time.Time { return cookieClock },
	}
	var resp web.BaseResponse
	_ = resp.SetSignedCookie(settings, "c", "hello", "", web.CookieOptions{})
	fmt.Println(resp.Cookies()[0])

	settings.SignedCookieScheme = web.SignedCookieLegacy // Django up to 5.2.14
	_ = resp.SetSignedCookie(settings, "c", "hello", "", web.CookieOptions{})
	fmt.Println(resp.Cookies()[0])
	// Output:
	// c=hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo; Path=/
	// c=hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20; Path=/
}

func ExampleCookie_String() {
	c := web.Cookie{Name: "k", Value: "café", Path: "/", MaxAge: 60, MaxAgeSet: true, HTTPOnly: true}
	fmt.Println(c.String())
	// Output: k="caf\351"; HttpOnly; Max-Age=60; Path=/
}

func ExampleQuoteCookieValue() {
	for _, v := range []string{"plain", "", "a,b", "café", "☃"} {
		fmt.Println(web.QuoteCookieValue(v))
	}
	// Output:
	// plain
	// ""
	// "a\054b"
	// "caf\351"
	// "☃"
}

func ExampleUnquoteCookieValue() {
	fmt.Println(web.UnquoteCookieValue(`"caf\351 \"x\""`))
	// Output: café "x"
}

func ExampleParseCookie() {
	cookies, err := web.ParseCookie(`sessionid=abc; theme="a\054b"; unnamed; sessionid=def`)
	fmt.Println(cookies["sessionid"], cookies["theme"], cookies[""], len(cookies), err)
	// Output: def a,b unnamed 3 <nil>
}
