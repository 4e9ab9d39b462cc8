package signing_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/signing"
)

// The same cookie signed the way Django 5.2.15+/6.x does (v2) and the way
// Django 3.2–5.2.14 does (legacy).
func ExampleCookieSigner() {
	now := func() time.Time { return time.Unix(1700000000, 0) }

	v2 := signing.CookieSigner("secret", nil, "c", "", false)
	v2.Now = now
	fmt.Println(v2.Sign("hello"))

	legacy := signing.CookieSigner("secret", nil, "c", "", true)
	legacy.Now = now
	fmt.Println(legacy.Sign("hello"))
	// Output:
	// hello:1r31eq:_LPekotdYK_KkivVaRIzvQMp0PimGEYgo74bhDrJGTo
	// hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20
}

func ExampleCookieSalt() {
	fmt.Println(signing.CookieSalt("sessionid", "pepper", false))
	fmt.Println(signing.CookieSalt("sessionid", "pepper", true))
	// Output:
	// django.http.cookies.v2:6:peppersessionid
	// sessionidpepper
}

// Reading a cookie set by Django 3.2 during a migration: accept the legacy
// salt until those cookies have expired.
func ExampleUnsignCookie() {
	now := func() time.Time { return time.Unix(1700000030, 0) }
	legacyCookie := "hello:1r31eq:7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20"

	fmt.Println(signing.UnsignCookie("secret", nil, "c", "", legacyCookie, time.Hour, true, now))
	_, err := signing.UnsignCookie("secret", nil, "c", "", legacyCookie, time.Hour, false, now)
	fmt.Println(err)
	_, err = signing.UnsignCookie("secret", nil, "c", "", legacyCookie, 10*time.Second, true, now)
	fmt.Println(err)
	// Output:
	// hello <nil>
	// signing: bad signature: Signature "7TNeBleUKP0B5c-1XdD6MvhhihnN45aPuio-WqCaO20" does not match
	// signing: signature expired: Signature age 30 > 10 seconds
}
