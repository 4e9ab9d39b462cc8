package web_test

import (
	"fmt"

	"github.com/restframe/restframe/web"
)

func ExampleNewUploadedFile() {
	f := web.NewUploadedFile("notes.txt", []byte("0123456789"), "text/plain")
	defer f.Close()
	fmt.Println(f, f.Size, f.MultipleChunks(4))
	for chunk, err := range f.Chunks(4) {
		if err != nil {
			panic(err)
		}
		fmt.Printf("%s ", chunk)
	}
	fmt.Println()
	// Output:
	// <InMemoryUploadedFile: notes.txt (text/plain)> 10 true
	// 0123 4567 89
}
