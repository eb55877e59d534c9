// The logout continues at the identity provider by itself; the button is there for a browser without scripts.
document.getElementById("utlogging-skjema").submit();
