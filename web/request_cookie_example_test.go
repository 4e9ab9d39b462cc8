package web_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/restframe/restframe/signing"
	"github.com/restframe/restframe/web"
)

func ExampleRequest_SignedCookie() {
	now := time.Unix(1700000000, 0)
	s := &web.Settings{SecretKey: "secret", Now: func() time.Time { return now }}

	// What Django's set_signed_cookie("name", "Tony", salt="name-salt")
	// writes (SetSignedCookie on a response does the same).
	signer := signing.CookieSigner(s.SecretKey, nil, "name", "name-salt", false)
	signer.Now = s.Now
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(&http.Cookie{Name: "name", Value: signer.Sign("Tony")})
	req.AddCookie(&http.Cookie{Name: "forged", Value: "Tony:1r31eq:not-a-signature"})
	r := web.NewRequest(req, s)

	fmt.Println(r.SignedCookie("name", "name-salt", time.Minute))
	_, err := r.SignedCookie("name", "other-salt", 0)
	fmt.Println(errors.Is(err, signing.ErrBadSignature))
	_, err = r.SignedCookie("forged", "", 0)
	fmt.Println(errors.Is(err, signing.ErrBadSignature))
	_, err = r.SignedCookie("nonexistent-cookie", "", 0)
	fmt.Println(errors.Is(err, web.ErrCookieNotFound), web.StatusOf(err))

	now = now.Add(2 * time.Minute)
	_, err = r.SignedCookie("name", "name-salt", time.Minute)
	fmt.Println(errors.Is(err, signing.ErrSignatureExpired))
	// Output:
	// Tony <nil>
	// true
	// true
	// true 400
	// true
}

func ExampleRequest_Cookies() {
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("Cookie", `chips=ahoy; vienna="fin\054ger"`)
	c := web.NewRequest(req, nil).Cookies()
	fmt.Println(c["chips"], c["vienna"])
	// Output: ahoy fin,ger
}
