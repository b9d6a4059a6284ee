package ui

import "golang.org/x/sys/windows"

// systemDocumentsDir is the Documents known folder (文档), wherever the
// user or the domain policy moved it (D:\文档, a redirected network
// folder), or "" when Windows does not say.
func systemDocumentsDir() string {
	p, err := windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
	if err != nil {
		return ""
	}
	return p
}
