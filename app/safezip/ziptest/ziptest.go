// Package ziptest plants in zip files what no zip writer writes, for the
// tests of the readers of users' files.
package ziptest

import (
	"encoding/binary"
	"testing"
)

// SetDeclaredSize returns a copy of the zip z whose directory records size
// as the uncompressed size of the entry name, the entry's data unchanged.
// The test fails when the directory has no such entry.
func SetDeclaredSize(t testing.TB, z []byte, name string, size uint32) []byte {
	t.Helper()
	z = append([]byte(nil), z...)
	for i := 0; i+46 < len(z); i++ {
		if binary.LittleEndian.Uint32(z[i:]) != 0x02014b50 {
			continue
		}
		n := int(binary.LittleEndian.Uint16(z[i+28:]))
		if i+46+n <= len(z) && string(z[i+46:i+46+n]) == name {
			binary.LittleEndian.PutUint32(z[i+24:], size)
			return z
		}
	}
	t.Fatalf("no directory record for %s", name)
	return nil
}
