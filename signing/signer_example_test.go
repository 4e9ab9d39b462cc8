package signing_test

import (
	"errors"
	"fmt"

	"github.com/restframe/restframe/signing"
)

func ExampleSigner() {
	s := &signing.Signer{Key: "secret"}
	signed := s.Sign("hello")
	fmt.Println(signed)

	value, err := s.Unsign(signed)
	fmt.Println(value, err)

	_, err = s.Unsign("hellp" + signed[5:])
	fmt.Println(errors.Is(err, signing.ErrBadSignature))
	// Output:
	// hello:FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18
	// hello <nil>
	// true
}

// Rotating keys: new signatures use Key, old ones still verify through
// FallbackKeys until they are dropped.
func ExampleSigner_fallbackKeys() {
	old := &signing.Signer{Key: "old secret", Salt: "unsubscribe"}
	signed := old.Sign("user-42")

	s := &signing.Signer{Key: "new secret", FallbackKeys: []string{"old secret"}, Salt: "unsubscribe"}
	fmt.Println(s.Unsign(signed))

	// A different salt (purpose) does not accept it.
	other := &signing.Signer{Key: "new secret", FallbackKeys: []string{"old secret"}, Salt: "password-reset"}
	_, err := other.Unsign(signed)
	fmt.Println(err)
	// Output:
	// user-42 <nil>
	// signing: bad signature: Signature "w7aZ6IBr_m67n_vvRNCEH5mX2rUzRm06urm42tIOklI" does not match
}

func ExampleSigner_Validate() {
	s := &signing.Signer{Key: "secret", Sep: "-"}
	fmt.Println(s.Validate())
	fmt.Println((&signing.Signer{}).Validate())
	// Output:
	// signing: unsafe separator: Unsafe Signer separator: '-' (cannot be empty or consist of only A-z0-9-_=)
	// signing: empty key
}

func ExampleSaltedHMAC() {
	mac, _ := signing.SaltedHMAC("django.core.signing.Signersigner", "hello", "secret", "sha256")
	fmt.Println(signing.Base64Encode(mac))
	// Output:
	// FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18
}

func ExampleBase64HMAC() {
	// The signature Signer{Key: "secret"}.Sign("hello") appends.
	sig, err := signing.Base64HMAC("django.core.signing.Signersigner", "hello", "secret", "sha256")
	if err != nil {
		panic(err)
	}
	fmt.Println(sig)
	// Output:
	// FRBs_KKrjaVe9zJEdlQdiuJ2n9jBEsFOL1Capquoa18
}
