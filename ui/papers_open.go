package ui

// Opening and printing a document with the system's programs (SPEC
// §13.4): the documents dialog opens a .docx in WPS or Word, and sends a
// PDF to the default printer, through the window's one helper (doFile,
// shell.go: ShellExecute on Windows, xdg-open and lp or lpr elsewhere).

// fileOpener opens and prints files with the system's programs.
type fileOpener interface {
	Open(path string) error
	Print(path string) error
}

// opener is the window's; tests replace it.
var opener fileOpener = systemOpener{}

// systemOpener asks the system through doFile.
type systemOpener struct{}

func (systemOpener) Open(path string) error  { return doFile(actOpen, path) }
func (systemOpener) Print(path string) error { return doFile(actPrint, path) }
