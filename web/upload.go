package web

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"iter"
	"mime/multipart"
	"os"
	"slices"
)

// DefaultChunkSize is Django's File.DEFAULT_CHUNK_SIZE (64 KiB): the chunk
// size UploadedFile.Chunks and MultipleChunks use when given 0.
const DefaultChunkSize = 64 << 10

// UploadedFile is Django's UploadedFile: a file sent in a
// multipart/form-data request, found in Request.Files. Django's
// InMemoryUploadedFile and TemporaryUploadedFile are one type here: small
// files stay in memory, larger ones are spooled to a temporary file
// (see Settings.FileMaxMemorySize), which Close removes.
//
// Name is sanitized as Django sanitizes it (HTML entities decoded, anything
// up to the last "/" or "\" removed, at most 255 characters keeping the
// extension), but it is still text chosen by the client: never use it as a
// path without further checks.
//
// An UploadedFile is used by one goroutine at a time; Open gives
// independent readers.
type UploadedFile struct {
	// FieldName is the form field the file was sent under.
	FieldName string
	// Name is the sanitized file name sent by the client.
	Name string
	// Size is the size of the content in bytes.
	Size int64
	// ContentType is the part's Content-Type without parameters, lower-cased
	// ("" when the part had none): not checked against the content.
	ContentType string
	// Charset is the charset parameter of the part's Content-Type, or "".
	Charset string
	// ContentTypeExtra holds every parameter of the part's Content-Type
	// (charset included). It may be nil.
	ContentTypeExtra map[string]string

	mem    []byte         // the content, when in memory
	path   string         // the temporary file, when spooled
	cur    multipart.File // Read's cursor, opened on first use
	closed bool
}

// NewUploadedFile is Django's SimpleUploadedFile(name, content,
// content_type): an in-memory UploadedFile, for tests and for handlers
// that build files themselves. content is not copied.
func NewUploadedFile(name string, content []byte, contentType string) *UploadedFile {
	if content == nil {
		content = []byte{}
	}
	return &UploadedFile{
		Name:        name,
		Size:        int64(len(content)),
		ContentType: contentType,
		mem:         content,
	}
}

// Open returns a new reader of the content from its start, independent of
// Read and of other readers (Django's UploadedFile.open(), which rewinds).
// The caller closes it. After Close, Open returns fs.ErrClosed.
func (f *UploadedFile) Open() (multipart.File, error) {
	if f.closed {
		return nil, fs.ErrClosed
	}
	if f.path != "" {
		return os.Open(f.path)
	}
	return ufMemFile{io.NewSectionReader(bytes.NewReader(f.mem), 0, int64(len(f.mem)))}, nil
}

// ufMemFile is an in-memory multipart.File.
type ufMemFile struct{ *io.SectionReader }

func (ufMemFile) Close() error { return nil }

var _ multipart.File = ufMemFile{}

// Read is Django's UploadedFile.read: it reads the content from the
// position left by the previous Read or Seek (the start at first).
func (f *UploadedFile) Read(p []byte) (int, error) {
	if err := f.cursor(); err != nil {
		return 0, err
	}
	return f.cur.Read(p)
}

// Seek is Django's UploadedFile.seek: it moves the position of Read
// (io.Seeker).
func (f *UploadedFile) Seek(offset int64, whence int) (int64, error) {
	if err := f.cursor(); err != nil {
		return 0, err
	}
	return f.cur.Seek(offset, whence)
}

var _ io.ReadSeekCloser = (*UploadedFile)(nil)

func (f *UploadedFile) cursor() error {
	if f.cur != nil {
		return nil
	}
	c, err := f.Open()
	if err != nil {
		return err
	}
	f.cur = c
	return nil
}

// Chunks is Django's UploadedFile.chunks(chunk_size): the content from its
// start in chunks of at most size bytes (DefaultChunkSize when size <= 0).
// It reads with its own reader, so Read's position does not move. A chunk
// must not be modified and is valid only until the next iteration; a read
// error is yielded last.
func (f *UploadedFile) Chunks(size int) iter.Seq2[[]byte, error] {
	if size <= 0 {
		size = DefaultChunkSize
	}
	return func(yield func([]byte, error) bool) {
		if f.closed {
			yield(nil, fs.ErrClosed)
			return
		}
		if f.path == "" {
			for data := f.mem; len(data) > 0; {
				n := min(size, len(data))
				if !yield(data[:n:n], nil) {
					return
				}
				data = data[n:]
			}
			return
		}
		rd, err := f.Open()
		if err != nil {
			yield(nil, err)
			return
		}
		defer rd.Close()
		buf := make([]byte, min(int64(size), max(f.Size, 1)))
		for {
			n, err := io.ReadFull(rd, buf)
			if n > 0 && !yield(buf[:n], nil) {
				return
			}
			if err == io.EOF || err == io.ErrUnexpectedEOF {
				return
			}
			if err != nil {
				yield(nil, err)
				return
			}
		}
	}
}

// MultipleChunks is Django's UploadedFile.multiple_chunks(chunk_size):
// whether Chunks(size) yields more than one chunk, that is whether Size
// exceeds size (DefaultChunkSize when size <= 0).
func (f *UploadedFile) MultipleChunks(size int) bool {
	if size <= 0 {
		size = DefaultChunkSize
	}
	return f.Size > int64(size)
}

// TemporaryFilePath is Django's TemporaryUploadedFile.temporary_file_path():
// the path of the temporary file holding the content, or "" when the file
// is in memory. The file is removed by Close.
func (f *UploadedFile) TemporaryFilePath() string { return f.path }

// Close is Django's UploadedFile.close(): it closes Read's cursor, removes
// the temporary file if any and releases the content. Closing twice is a
// no-op. Request.Close closes every file of the request.
func (f *UploadedFile) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	f.mem = nil
	var err error
	if f.cur != nil {
		err = f.cur.Close()
		f.cur = nil
	}
	if f.path != "" {
		if rerr := os.Remove(f.path); rerr != nil && !errors.Is(rerr, fs.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return err
}

// String is Django's UploadedFile.__repr__:
// "<InMemoryUploadedFile: a.txt (text/plain)>", or
// "<TemporaryUploadedFile: ...>" for a spooled file.
func (f *UploadedFile) String() string {
	kind := "<InMemoryUploadedFile: "
	if f.path != "" {
		kind = "<TemporaryUploadedFile: "
	}
	return kind + f.Name + " (" + f.ContentType + ")>"
}

// UploadedFiles is Django's request.FILES: a read-only, ordered
// multi-value dictionary from form field name to uploaded files, in the
// order the fields first appeared. The zero value is empty.
type UploadedFiles struct {
	d *mvData[*UploadedFile]
}

// Get is Django's FILES.get(key): the key's last file; ok is false when the
// key is missing.
func (u UploadedFiles) Get(key string) (file *UploadedFile, ok bool) {
	if u.d == nil {
		return nil, false
	}
	i := u.d.find(key)
	if i < 0 || len(u.d.entries[i].vals) == 0 {
		return nil, false
	}
	vals := u.d.entries[i].vals
	return vals[len(vals)-1], true
}

// GetList is Django's FILES.getlist(key): the key's files (a new slice),
// nil when the key is missing.
func (u UploadedFiles) GetList(key string) []*UploadedFile {
	if u.d == nil {
		return nil
	}
	i := u.d.find(key)
	if i < 0 {
		return nil
	}
	return slices.Clone(u.d.entries[i].vals)
}

// Has is Django's `key in FILES`.
func (u UploadedFiles) Has(key string) bool { return u.d != nil && u.d.find(key) >= 0 }

// Len is Django's len(FILES): the number of distinct field names.
func (u UploadedFiles) Len() int {
	if u.d == nil {
		return 0
	}
	return len(u.d.entries)
}

// Keys is Django's FILES.keys(): the field names in order.
func (u UploadedFiles) Keys() iter.Seq[string] {
	return func(yield func(string) bool) {
		if u.d == nil {
			return
		}
		for i := range u.d.entries {
			if !yield(u.d.entries[i].key) {
				return
			}
		}
	}
}

// Items is Django's FILES.items(): each field name with its last file.
func (u UploadedFiles) Items() iter.Seq2[string, *UploadedFile] {
	return func(yield func(string, *UploadedFile) bool) {
		if u.d == nil {
			return
		}
		for i := range u.d.entries {
			e := &u.d.entries[i]
			if !yield(e.key, e.vals[len(e.vals)-1]) {
				return
			}
		}
	}
}

// Lists is Django's FILES.lists(): each field name with its files (a new
// slice).
func (u UploadedFiles) Lists() iter.Seq2[string, []*UploadedFile] {
	return func(yield func(string, []*UploadedFile) bool) {
		if u.d == nil {
			return
		}
		for i := range u.d.entries {
			e := &u.d.entries[i]
			if !yield(e.key, slices.Clone(e.vals)) {
				return
			}
		}
	}
}

// add appends f under key.
func (u *UploadedFiles) add(key string, f *UploadedFile) {
	if u.d == nil {
		u.d = &mvData[*UploadedFile]{}
	}
	if i := u.d.find(key); i >= 0 {
		u.d.entries[i].vals = append(u.d.entries[i].vals, f)
		return
	}
	u.d.add(key, []*UploadedFile{f})
}
