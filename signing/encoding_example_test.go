package signing_test

import (
	"fmt"

	"github.com/restframe/restframe/signing"
)

func ExampleBase62Encode() {
	fmt.Println(signing.Base62Encode(1700000000))
	fmt.Println(signing.Base62Decode("1r31eq"))
	// Output:
	// 1r31eq
	// 1700000000 <nil>
}

func ExampleBase62Decode() {
	fmt.Println(signing.Base62Decode("-z"))
	fmt.Println(signing.Base62Decode("1r31e!"))
	// Output:
	// -61 <nil>
	// 0 signing: invalid base62 number
}

func ExampleBase64Encode() {
	fmt.Println(signing.Base64Encode([]byte("hello?>")))
	b, err := signing.Base64Decode("aGVsbG8_Pg")
	fmt.Printf("%s %v\n", b, err)
	// Output:
	// aGVsbG8_Pg
	// hello?> <nil>
}

func ExampleBase64Decode() {
	_, err := signing.Base64Decode("not base64!")
	fmt.Println(err)
	// Output:
	// signing: invalid base64
}
