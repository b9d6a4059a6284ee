package outfile

import (
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// syncFiles flushes the file system of each folder the files are in, once
// (syncfs): a flush per file would wait for the disk once per file.
func syncFiles(files []pendingFile) error {
	done := map[string]bool{}
	for _, p := range files {
		dir := filepath.Dir(p.tmp)
		if done[dir] {
			continue
		}
		done[dir] = true
		f, err := os.Open(dir)
		if err != nil {
			return syncEach(files)
		}
		err = unix.Syncfs(int(f.Fd()))
		f.Close()
		if err != nil {
			return syncEach(files)
		}
	}
	return nil
}
