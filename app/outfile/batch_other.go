//go:build !linux

package outfile

// syncFiles flushes each file.
func syncFiles(files []pendingFile) error { return syncEach(files) }
