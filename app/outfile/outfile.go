// Package outfile writes the files the program hands out in one way: into
// a temporary file in the same folder, flushed to disk, then renamed over
// the target, so that a failure leaves the previous file as it was and no
// half-written file under the target's name.
//
// This is the part of the safety work's package of the same name (its
// Write and Document, same signatures) that the people's documents need;
// where both meet, the fuller one stands.
package outfile

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Document is the mode of documents people open and pass on (xlsx, PDF).
const Document os.FileMode = 0o644

// Write writes the file at path with mode through fill, which writes the
// content to w, and puts it in place only when everything succeeded.
func Write(path string, mode os.FileMode, fill func(w io.Writer) error) error {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return fmt.Errorf("%s 是文件夹，请给出文件名 (a folder)", path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	tmp := f.Name()
	bw := bufio.NewWriterSize(f, 64<<10)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, mode)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("无法写入 %s: %w", path, err)
	}
	return nil
}
