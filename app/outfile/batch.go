package outfile

import (
	"bufio"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
)

// Batch writes many files at once (the documents of a round), each whole
// or not at all as Write writes one, but bringing them to disk together:
// every file is written to a temporary file beside its target; Commit
// flushes them all (one flush of the file system where the system offers
// it, each file's otherwise), then renames each over its target and
// flushes each folder once. Until Commit no target changes; a failure
// leaves the targets as they were and removes the temporary files.
type Batch struct {
	mode    os.FileMode
	pending []pendingFile
	swept   map[string]bool
}

type pendingFile struct{ tmp, path string }

// NewBatch starts a batch of files of mode.
func NewBatch(mode os.FileMode) *Batch { return &Batch{mode: mode, swept: map[string]bool{}} }

// Write writes the file at path through fill into its temporary file; the
// target is replaced at Commit. A target Check refuses is refused here.
func (b *Batch) Write(path string, fill func(w io.Writer) error) error {
	if err := Check(path); err != nil {
		return err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if !b.swept[dir] {
		removeStale(dir, "*") // once a folder: a killed batch's leftovers
		b.swept[dir] = true
	}
	f, err := os.CreateTemp(dir, "."+base+".*"+tmpSuffix)
	if err != nil {
		return failed(path, err)
	}
	tmp := f.Name()
	bw := bufio.NewWriterSize(f, 64<<10)
	err = fill(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return failed(path, err)
	}
	b.pending = append(b.pending, pendingFile{tmp, path})
	return nil
}

// Commit brings the files to disk and puts each in place.
func (b *Batch) Commit() error {
	if len(b.pending) == 0 {
		return nil
	}
	if err := syncFiles(b.pending); err != nil {
		b.Abort()
		return err
	}
	dirs := map[string]bool{}
	for i, p := range b.pending {
		err := os.Chmod(p.tmp, b.mode)
		if err == nil {
			err = os.Rename(p.tmp, p.path)
		}
		if err != nil {
			b.pending = b.pending[i:]
			b.Abort()
			return failed(p.path, err)
		}
		dirs[filepath.Dir(p.path)] = true
	}
	b.pending = nil
	names := make([]string, 0, len(dirs))
	for d := range dirs {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		SyncDir(d)
	}
	return nil
}

// Abort removes the temporary files of what was not put in place.
func (b *Batch) Abort() {
	for _, p := range b.pending {
		os.Remove(p.tmp)
	}
	b.pending = nil
}

// syncEach flushes each file, for the systems with no flush of a whole
// file system.
func syncEach(files []pendingFile) error {
	var errs []error
	for _, p := range files {
		if err := syncFile(p.tmp); err != nil {
			errs = append(errs, failed(p.path, err))
		}
	}
	return errors.Join(errs...)
}
