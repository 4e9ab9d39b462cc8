package parse_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func ExampleFileUpload() {
	hr := httptest.NewRequest("PUT", "/avatar", strings.NewReader("\x89PNG..."))
	hr.Header.Set("Content-Type", "image/png")
	hr.Header.Set("Content-Disposition", `attachment; filename="../me.png"`)

	v, err := parse.FileUpload{Type: "image/*", MaxSize: 1 << 20}.Parse(web.NewRequest(hr, nil), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	data := v.(parse.Data)
	defer data.Close()

	f, _ := data.Files.Get("file")
	content, _ := io.ReadAll(f)
	fmt.Println(f.Name, f.ContentType, f.Size, len(content))
	// Output: me.png image/png 7 7
}

func ExampleFileUpload_missingFilename() {
	hr := httptest.NewRequest("PUT", "/avatar", strings.NewReader("data"))
	_, err := parse.FileUpload{}.Parse(web.NewRequest(hr, nil), "")
	fmt.Println(web.StatusOf(err), err)
	// Output: 400 parse: Missing filename. Request should include a Content-Disposition header with a filename parameter.
}
