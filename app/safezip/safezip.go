// Package safezip opens the zip files users bring — xlsx workbooks and data
// packages — within the limits of SPEC §13.2, so that a small file cannot
// make the program unpack gigabytes or hold a huge directory, and so that
// every byte read is checked against the zip's CRC.
//
// Open checks the file's size and its directory (the number of entries, the
// bytes of the directory, the decompressed size every entry declares,
// together) before anything is unpacked; archive/zip then refuses an entry
// that unpacks to more than it declared. A reader from Reader.Open reports a
// CRC mismatch, a cut entry or corrupt compressed data at the latest when it
// is read to the end; Reader.Verify reads an entry through for that alone.
// The file stays on disk and is read in place: one handle, no copy in
// memory, safe for readers side by side.
package safezip

import (
	"archive/zip"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Limits bound what a zip may make its reader do.
type Limits struct {
	File     int64 // bytes of the zip file
	Entries  int   // entries in its directory
	Unpacked int64 // bytes of all entries together, decompressed
}

// Defaults are the limits of SPEC §13.2: a file over 200 MB, or whose
// entries decompress past 1 GB together, is refused before it is read.
func Defaults() Limits {
	return Limits{File: 200 << 20, Entries: 10_000, Unpacked: 1 << 30}
}

// dirBytesPerEntry bounds the directory's size: a directory record is 46
// bytes and a name; a name longer than this is no office file's.
const dirBytesPerEntry = 46 + 1024

// Kind is what is wrong with a zip.
type Kind int

const (
	NotZip         Kind = iota + 1 // no zip directory: not a zip, or cut short
	TooLarge                       // the file is over Limits.File
	TooManyEntries                 // the directory is over Limits.Entries
	TooMuchData                    // the entries declare more than Limits.Unpacked
	Duplicate                      // two entries with one name
	Damaged                        // CRC mismatch, corrupt data, size not as declared
	Truncated                      // an entry ends early
	Unsupported                    // a compression method other than store and deflate
)

// Error is a zip refused, and the entry concerned ("" for the whole file).
type Error struct {
	Kind  Kind
	Entry string
	Limit int64 // the limit exceeded, for TooLarge, TooManyEntries and TooMuchData
	Err   error // the underlying error, when there is one
}

func (e *Error) Error() string {
	if e.Entry != "" {
		return e.Entry + "：" + e.Reason()
	}
	return e.Reason()
}

// Reason says what is wrong, without the entry.
func (e *Error) Reason() string {
	var s string
	switch e.Kind {
	case NotZip:
		s = "不是 zip 格式，或文件不完整（可能被截断）"
	case TooLarge:
		s = fmt.Sprintf("文件超过 %s，拒绝读取", Size(e.Limit))
	case TooManyEntries:
		s = fmt.Sprintf("压缩包内的文件超过 %s 个，拒绝读取", Count(e.Limit))
	case TooMuchData:
		s = fmt.Sprintf("解压后超过 %s，拒绝读取", Size(e.Limit))
	case Duplicate:
		s = "压缩包内有重名的文件"
	case Damaged:
		s = "内容已损坏（校验值不符）"
	case Truncated:
		s = "内容不完整（被截断）"
	case Unsupported:
		s = "使用了不支持的压缩方式"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Count writes a count with thousands separators, as limits are written in
// messages: 1,048,576.
func Count(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Size writes a byte count as clerks read it: 200 MB, 1 GB.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// Reader is a zip file opened within limits.
type Reader struct {
	*zip.Reader
	f *os.File
}

// Open opens the zip at path and checks it against lim before anything is
// unpacked. The error is an *Error for a file refused, else the file
// system's.
func Open(path string, lim Limits) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := newReader(f, lim)
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

func newReader(f *os.File, lim Limits) (*Reader, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	r, err := New(f, info.Size(), lim)
	if err != nil {
		return nil, err
	}
	r.f = f
	return r, nil
}

// New reads a zip of size bytes from r, checked against lim as Open does.
func New(r io.ReaderAt, size int64, lim Limits) (*Reader, error) {
	if size > lim.File {
		return nil, &Error{Kind: TooLarge, Limit: lim.File}
	}
	if err := checkDirectory(r, size, lim); err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &Error{Kind: NotZip, Err: err}
	}
	if err := checkEntries(zr, lim); err != nil {
		return nil, err
	}
	return &Reader{Reader: zr}, nil
}

// Close closes the file Open opened.
func (r *Reader) Close() error {
	if r.f == nil {
		return nil
	}
	return r.f.Close()
}

// checkEntries checks the entries' count, names and declared sizes.
func checkEntries(zr *zip.Reader, lim Limits) error {
	if len(zr.File) > lim.Entries {
		return &Error{Kind: TooManyEntries, Limit: int64(lim.Entries)}
	}
	seen := make(map[string]bool, len(zr.File))
	var total uint64
	for _, f := range zr.File {
		if seen[f.Name] {
			return &Error{Kind: Duplicate, Entry: f.Name}
		}
		seen[f.Name] = true
		if f.UncompressedSize64 > uint64(lim.Unpacked) {
			return &Error{Kind: TooMuchData, Entry: f.Name, Limit: lim.Unpacked}
		}
		if total += f.UncompressedSize64; total > uint64(lim.Unpacked) {
			return &Error{Kind: TooMuchData, Limit: lim.Unpacked}
		}
	}
	return nil
}

// Signatures and sizes of the records at the end of a zip.
const (
	endSig      = 0x06054b50
	end64Sig    = 0x06064b50
	end64LocSig = 0x07064b50
	endLen      = 22
	end64LocLen = 20
	end64Len    = 56
)

// checkDirectory reads the end of the zip and refuses a directory with more
// entries or bytes than lim allows, before archive/zip reads it (it reads
// the directory whole, entry by entry, past what the end record says).
func checkDirectory(r io.ReaderAt, size int64, lim Limits) error {
	tail := min(size, 65535+endLen)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && err != io.EOF {
		return err
	}
	p := -1
	for i := len(buf) - endLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) == endSig {
			p = i
			break
		}
	}
	if p < 0 || size < endLen {
		return &Error{Kind: NotZip}
	}
	endAt := size - tail + int64(p)
	e := buf[p:]
	entries := uint64(binary.LittleEndian.Uint16(e[10:]))
	dirSize := uint64(binary.LittleEndian.Uint32(e[12:]))
	dirAt := uint64(binary.LittleEndian.Uint32(e[16:]))
	dirEnd := endAt
	if entries == 0xFFFF || dirSize == 0xFFFFFFFF || dirAt == 0xFFFFFFFF {
		var err error
		if entries, dirSize, dirAt, dirEnd, err = zip64End(r, endAt); err != nil {
			return err
		}
	}
	if entries > uint64(lim.Entries) {
		return &Error{Kind: TooManyEntries, Limit: int64(lim.Entries)}
	}
	maxDir := uint64(lim.Entries) * dirBytesPerEntry
	// archive/zip reads records from the directory's offset until one does
	// not parse: at the latest at the end record.
	if dirSize > maxDir || dirAt > uint64(dirEnd) || uint64(dirEnd)-dirAt > maxDir {
		return &Error{Kind: TooManyEntries, Limit: int64(lim.Entries)}
	}
	return nil
}

// zip64End reads the zip64 end record that the locator before endAt
// points to.
func zip64End(r io.ReaderAt, endAt int64) (entries, dirSize, dirAt uint64, at int64, err error) {
	notZip := &Error{Kind: NotZip}
	if endAt < end64LocLen {
		return 0, 0, 0, 0, notZip
	}
	loc := make([]byte, end64LocLen)
	if _, err := r.ReadAt(loc, endAt-end64LocLen); err != nil {
		return 0, 0, 0, 0, notZip
	}
	if binary.LittleEndian.Uint32(loc) != end64LocSig {
		return 0, 0, 0, 0, notZip
	}
	off := binary.LittleEndian.Uint64(loc[8:])
	if off > uint64(endAt) {
		return 0, 0, 0, 0, notZip
	}
	rec := make([]byte, end64Len)
	if _, err := r.ReadAt(rec, int64(off)); err != nil || binary.LittleEndian.Uint32(rec) != end64Sig {
		return 0, 0, 0, 0, notZip
	}
	return binary.LittleEndian.Uint64(rec[32:]), binary.LittleEndian.Uint64(rec[40:]),
		binary.LittleEndian.Uint64(rec[48:]), int64(off), nil
}

// Find returns the entry named name, nil when there is none. Names are
// compared as written, then regardless of case (the part names of an
// office file are case-insensitive).
func (r *Reader) Find(name string) *zip.File {
	for _, f := range r.File {
		if f.Name == name {
			return f
		}
	}
	for _, f := range r.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// Open opens an entry for reading. Its errors are *Error: the CRC is
// checked when the entry has been read to the end.
func (r *Reader) Open(f *zip.File) (io.ReadCloser, error) {
	if f.CRC32 == 0 && f.UncompressedSize64 > 0 {
		// archive/zip checks no CRC recorded as 0: a writer records the
		// CRC of what it wrote, and that of a non-empty entry is all but
		// never 0.
		return nil, &Error{Kind: Damaged, Entry: f.Name}
	}
	rc, err := f.Open()
	if err != nil {
		return nil, entryError(f.Name, err)
	}
	return &entryReader{rc: rc, name: f.Name}, nil
}

// Verify reads an entry through, for its CRC.
func (r *Reader) Verify(f *zip.File) error {
	rc, err := r.Open(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

// ReadAll reads an entry that declares at most limit bytes, whole.
func (r *Reader) ReadAll(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, &Error{Kind: TooMuchData, Entry: f.Name, Limit: limit}
	}
	rc, err := r.Open(f)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	// archive/zip stops the entry at the size it declares.
	return io.ReadAll(rc)
}

// entryReader turns archive/zip's errors into *Error.
type entryReader struct {
	rc   io.ReadCloser
	name string
}

func (e *entryReader) Read(p []byte) (int, error) {
	n, err := e.rc.Read(p)
	if err != nil && err != io.EOF {
		err = entryError(e.name, err)
	}
	return n, err
}

func (e *entryReader) Close() error { return e.rc.Close() }

// entryError classifies an error reading entry name.
func entryError(name string, err error) error {
	var ze *Error
	var corrupt flate.CorruptInputError
	switch {
	case errors.As(err, &ze):
		return err
	case errors.Is(err, zip.ErrAlgorithm):
		return &Error{Kind: Unsupported, Entry: name, Err: err}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &Error{Kind: Truncated, Entry: name, Err: err}
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.As(err, &corrupt):
		return &Error{Kind: Damaged, Entry: name, Err: err}
	}
	return &Error{Kind: Damaged, Entry: name, Err: err}
}
