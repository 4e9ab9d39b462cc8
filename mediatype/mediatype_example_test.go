package mediatype_test

import (
	"errors"
	"fmt"

	"github.com/restframe/restframe/mediatype"
)

func ExampleParse() {
	m, err := mediatype.Parse(`Text/HTML; Charset="UTF-8"; level=1`)
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Type, m.Subtype)
	charset, _ := m.Param("charset")
	fmt.Println(charset)
	fmt.Println(m)

	_, err = mediatype.Parse("application/json; indent")
	fmt.Println(errors.Is(err, mediatype.ErrInvalidParam), err)
	// Output:
	// text html
	// UTF-8
	// text/html; charset=UTF-8; level=1
	// true mediatype: invalid parameter
}

func ExampleMediaType_String() {
	m := mediatype.MediaType{
		Type:    "multipart",
		Subtype: "form-data",
		Params:  []mediatype.Param{{Name: "boundary", Value: `a "quoted" boundary`}},
	}
	fmt.Println(m.String())
	// Output:
	// multipart/form-data; boundary="a \"quoted\" boundary"
}
