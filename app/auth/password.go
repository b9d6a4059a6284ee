package auth

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// MinPassword is the shortest password accepted, in characters.
const MinPassword = 8

// hashCost is bcrypt's work factor: about a quarter of a second on an office
// PC. Tests lower it.
var hashCost = 12

// dummyHash is compared against when the user does not exist, so that a
// wrong name takes as long as a wrong password.
const dummyHash = "$2a$12$YZw1vc3T1FWXuoUy1PAFWOCWCd0Cpsm01IOUMoMgx/rSN8psQK0tG"

// CLIUser is the name the audit log records for a headless command on a
// database without accounts.
const CLIUser = "命令行"

// reservedNames stand for the program itself in the audit log: no account
// may take one, or its entries could not be told from the program's.
var reservedNames = []string{CLIUser, "系统"}

// checkName trims name and checks it is usable as an account name.
func checkName(name string) (string, error) {
	name = strings.TrimSpace(name)
	switch {
	case name == "":
		return "", ErrEmptyName
	case utf8.RuneCountInString(name) > 32:
		return "", ErrLongName
	case strings.IndexFunc(name, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0:
		return "", ErrNameChars
	}
	for _, r := range reservedNames {
		if NameKey(name) == NameKey(r) {
			return "", &ReservedNameError{name}
		}
	}
	return name, nil
}

// NameKey is what account names are told apart by: full-width letters and
// digits count as their half-width forms, and case does not count, so that
// "admin", "ADMIN" and "Ａｄｍｉｎ" are one name.
func NameKey(name string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E { // full-width ASCII
			return r - 0xFEE0
		}
		return r
	}, name))
}

// checkPassword checks a new password against the rules.
func checkPassword(name, pw string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinPassword:
		return ErrShortPassword
	case len(pw) > 72:
		return ErrLongPassword
	case pw == name:
		return ErrNameAsPass
	}
	return nil
}

// hashPassword returns the bcrypt hash of pw.
func hashPassword(pw string) (string, error) {
	b, err := bcrypt.GenerateFromPassword([]byte(pw), hashCost)
	return string(b), err
}

// matches reports whether pw is the password hash was made from.
func matches(hash, pw string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw)) == nil
}

// UseTestCost makes password hashing cheap. It exists for the tests of
// other packages, which create accounts by the dozen; the program never
// calls it.
func UseTestCost() { hashCost = bcrypt.MinCost }
