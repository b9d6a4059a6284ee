package auth

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// ReadPassword writes prompt to w and reads one line from in. When in is a
// terminal, the typed characters are not echoed.
func ReadPassword(in *os.File, w io.Writer, prompt string) (string, error) {
	fmt.Fprint(w, prompt)
	restore, err := noEcho(in)
	if err == nil {
		defer func() {
			restore()
			fmt.Fprintln(w)
		}()
	}
	return readLine(in)
}

// readLine reads up to a newline one byte at a time, so that nothing after
// the line is consumed (a second prompt reads the next line).
func readLine(in io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for b.Len() < 1024 {
		n, err := in.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return strings.TrimRight(b.String(), "\r"), nil
			}
			b.WriteByte(buf[0])
			continue
		}
		if err == io.EOF && b.Len() > 0 {
			return strings.TrimRight(b.String(), "\r"), nil
		}
		if err != nil {
			return "", fmt.Errorf("未能读取密码")
		}
	}
	return "", fmt.Errorf("输入的密码过长")
}
