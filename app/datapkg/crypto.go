package datapkg

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/crypto/scrypt"
)

// scrypt's cost for new packages (about 32 MB and a tenth of a second), and
// the range a package may ask for when read: a file cannot make the reader
// spend more than 128 MB.
const (
	scryptN    = 1 << 15
	scryptR    = 8
	scryptP    = 1
	minScryptN = 1 << 10
	maxScryptN = 1 << 17
)

// MinPassphrase is the fewest characters, spaces aside, of the passphrase
// of a new package: a short one is guessed by trying them all, whatever
// scrypt costs each try.
const MinPassphrase = 8

// CheckPassphrase checks the passphrase of a new package ("" is none: the
// package is not encrypted). Packages are read with whatever passphrase
// they were made with.
func CheckPassphrase(pass string) error {
	if pass != "" && utf8.RuneCountInString(strings.TrimSpace(pass)) < MinPassphrase {
		return ErrShortPassphrase
	}
	return nil
}

// aad binds the manifest to the ciphertext: changing the counties, the
// date or the parameters makes decryption fail.
func aad(m *Manifest) []byte {
	h := struct {
		Format   string
		Version  int
		Schema   int
		Created  string
		Counties []string
		Counts   []Count
		Enc      Encryption
	}{m.Format, m.Version, m.Schema, m.Created, m.Counties, m.Counts, *m.Encryption}
	h.Enc.Nonce = nil
	b, _ := json.Marshal(h)
	return b
}

// seal encrypts plain for m, filling in m.Encryption.
func seal(m *Manifest, pass string, plain []byte, n int) ([]byte, error) {
	e := &Encryption{Cipher: "AES-256-GCM", KDF: "scrypt", N: n, R: scryptR, P: scryptP,
		Salt: make([]byte, 16), Nonce: make([]byte, 12)}
	if _, err := rand.Read(e.Salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(e.Nonce); err != nil {
		return nil, err
	}
	m.Encryption = e
	gcm, err := newGCM(e, pass)
	if err != nil {
		return nil, err
	}
	return gcm.Seal(nil, e.Nonce, plain, aad(m)), nil
}

// unseal decrypts data as m says.
func unseal(m *Manifest, pass string, data []byte) ([]byte, error) {
	e := m.Encryption
	if e.Cipher != "AES-256-GCM" || e.KDF != "scrypt" || e.N < minScryptN || e.N > maxScryptN ||
		e.N&(e.N-1) != 0 || e.R != scryptR || e.P != scryptP || len(e.Salt) < 16 || len(e.Nonce) != 12 {
		return nil, &TamperError{manifestName, "加密参数无效"}
	}
	gcm, err := newGCM(e, pass)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, e.Nonce, data, aad(m))
	if err != nil {
		return nil, ErrBadPassphrase
	}
	return plain, nil
}

func newGCM(e *Encryption, pass string) (cipher.AEAD, error) {
	key, err := scrypt.Key([]byte(pass), e.Salt, e.N, e.R, e.P, 32)
	if err != nil {
		return nil, fmt.Errorf("无法由口令生成密钥: %w", err)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
