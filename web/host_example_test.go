package web_test

import (
	"errors"
	"fmt"
	"net/http/httptest"

	"github.com/restframe/restframe/web"
)

func ExampleRequest_Host() {
	s := &web.Settings{AllowedHosts: []string{"example.com", ".example.org"}}
	for _, host := range []string{"example.com:8000", "API.Example.org", "evil.com", "bad_host"} {
		req := httptest.NewRequest("GET", "/", nil)
		req.Host = host
		got, err := web.NewRequest(req, s).Host()
		if errors.Is(err, web.ErrDisallowedHost) {
			fmt.Println(web.StatusOf(err), err)
			continue
		}
		fmt.Println(got)
	}
	// Output:
	// example.com:8000
	// API.Example.org
	// 400 Invalid HTTP_HOST header: 'evil.com'. You may need to add 'evil.com' to ALLOWED_HOSTS.
	// 400 Invalid HTTP_HOST header: 'bad_host'. The domain name provided is not valid according to RFC 1034/1035.
}

func ExampleValidateHost() {
	allowed := []string{".example.com", "[::1]"}
	fmt.Println(web.ValidateHost("www.EXAMPLE.com:443", allowed))
	fmt.Println(web.ValidateHost("example.com.", allowed))
	fmt.Println(web.ValidateHost("[::1]:8000", allowed))
	fmt.Println(web.ValidateHost("badexample.com", allowed))
	// Output:
	// true
	// true
	// true
	// false
}

func ExampleSplitDomainPort() {
	fmt.Println(web.SplitDomainPort("Example.COM.:8000"))
	fmt.Println(web.SplitDomainPort("[::1]:80"))
	domain, port := web.SplitDomainPort("bad host")
	fmt.Printf("%q %q\n", domain, port)
	// Output:
	// example.com 8000
	// [::1] 80
	// "" ""
}

func ExampleRequest_Scheme() {
	s := &web.Settings{SecureProxySSLHeader: &web.ProxyHeader{Name: "X-Forwarded-Proto", Value: "https"}}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Forwarded-Proto", "https, http")
	r := web.NewRequest(req, s)
	fmt.Println(r.Scheme(), r.IsSecure())
	// Output: https true
}
