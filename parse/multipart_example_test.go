package parse_test

import (
	"fmt"
	"io"
	"net/http/httptest"
	"strings"

	"github.com/restframe/restframe/parse"
	"github.com/restframe/restframe/web"
)

func ExampleMultiPart() {
	body := "--B\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nnotes\r\n" +
		"--B\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n" +
		"Content-Type: text/plain\r\n\r\nhello\r\n--B--\r\n"
	hr := httptest.NewRequest("PUT", "/", strings.NewReader(body))
	hr.Header.Set("Content-Type", "multipart/form-data; boundary=B")

	v, err := parse.MultiPart{}.Parse(web.NewRequest(hr, nil), "")
	if err != nil {
		fmt.Println(err)
		return
	}
	data := v.(parse.Data)
	defer data.Close() // removes temporary files of large uploads

	title, _ := data.Fields.Get("title")
	doc, _ := data.Files.Get("doc")
	content, _ := io.ReadAll(doc)
	fmt.Println(title, doc, string(content))
	// Output: notes <InMemoryUploadedFile: a.txt (text/plain)> hello
}
