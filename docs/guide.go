// Package docs holds the user guide (使用说明.md) embedded in the program,
// for the window's F1: the same text the repository shows, so that the
// guide read in the program is never older than the program.
package docs

import _ "embed"

// Guide is the user guide, in Markdown.
//
//go:embed 使用说明.md
var Guide string
