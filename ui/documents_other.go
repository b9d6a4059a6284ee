//go:build !windows

package ui

// systemDocumentsDir is "" outside Windows: documentsDir looks for the
// folder in the home directory.
func systemDocumentsDir() string { return "" }
