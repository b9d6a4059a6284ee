package docxtext

import (
	"context"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// RequireOfficeEnv, when set (CI sets it), makes a test that needs
// LibreOffice fail instead of skipping where it is not installed.
const RequireOfficeEnv = "XUNCHA_REQUIRE_SOFFICE"

// ToPDF converts the .docx files with LibreOffice (headless, its own
// profile in a temporary folder, so that it runs beside any other) into
// PDFs in dir, and returns their paths, one per file. Word-compatibility
// is proven by another program opening and laying out the files. Without
// LibreOffice the test is skipped, unless RequireOfficeEnv is set.
func ToPDF(t *testing.T, dir string, files ...string) []string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	if err != nil {
		if os.Getenv(RequireOfficeEnv) != "" {
			t.Fatalf("LibreOffice (soffice) is required (%s is set) but not installed", RequireOfficeEnv)
		}
		t.Skip("LibreOffice (soffice) is not installed")
	}
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	args := []string{"-env:UserInstallation=" + (&url.URL{Scheme: "file", Path: filepath.ToSlash(profile)}).String(),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}
	cmd := exec.CommandContext(ctx, soffice, append(args, files...)...)
	cmd.Env = append(os.Environ(), "HOME="+profile)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var pdfs []string
	for _, f := range files {
		p := filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("soffice made no %s:\n%s", p, out)
		}
		pdfs = append(pdfs, p)
	}
	return pdfs
}

// PDFText is the text of a PDF by pdftotext (poppler-utils), with its
// layout kept.
func PDFText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// Squeeze removes the spaces and line ends that a PDF's layout puts
// between characters (pdftotext spaces out Chinese text set on a grid),
// keeping the page breaks (\f): "张 001" reads "张001".
func Squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\u3000' {
			return -1
		}
		return r
	}, s)
}
