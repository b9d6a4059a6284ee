//go:build !windows

package ui

func (systemOpener) Open(path string) error  { return openWith(false, path) }
func (systemOpener) Print(path string) error { return openWith(true, path) }
