package signing_test

import (
	"fmt"
	"time"

	"github.com/restframe/restframe/signing"
)

func ExampleTimestampSigner() {
	signedAt := time.Unix(1700000000, 0)
	s := &signing.TimestampSigner{
		Signer: signing.Signer{Key: "secret"},
		Now:    func() time.Time { return signedAt },
	}
	signed := s.Sign("hello")
	fmt.Println(signed)

	// Ten seconds later, with a maximum age of ten seconds: still valid.
	s.Now = func() time.Time { return signedAt.Add(10 * time.Second) }
	fmt.Println(s.UnsignMaxAge(signed, 10*time.Second))

	// One second more: expired.
	s.Now = func() time.Time { return signedAt.Add(11 * time.Second) }
	_, err := s.UnsignMaxAge(signed, 10*time.Second)
	fmt.Println(err)
	// Output:
	// hello:1r31eq:cd3olmP207LffIZrXNJ8LTxzeEF4brfUrRYVM3D-t8Q
	// hello <nil>
	// signing: signature expired: Signature age 11 > 10 seconds
}
