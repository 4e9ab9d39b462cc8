package resttest_test

import (
	"errors"
	"testing"

	"github.com/restframe/restframe/resttest"
)

func TestRedirectError(t *testing.T) {
	last := &resttest.Response{StatusCode: 302}
	var err error = &resttest.RedirectError{Message: "Too many redirects.", Response: last}
	var re *resttest.RedirectError
	if !errors.Is(err, resttest.ErrRedirectCycle) || !errors.As(err, &re) || re.Response != last {
		t.Errorf("RedirectError does not match ErrRedirectCycle or lost its response")
	}
	if err.Error() != "resttest: Too many redirects." {
		t.Errorf("Error() = %q", err.Error())
	}
}
