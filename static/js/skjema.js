/* Progressive enhancement for the forms. Without JavaScript every field is shown, with a hint
   saying when it applies; with it, conditional fields appear when their trigger is chosen. */
(function () {
  "use strict";

  function wrapperFor(name) {
    return document.getElementById("div_id_" + name);
  }

  function chosenValues(form, name) {
    var values = [];
    form.querySelectorAll('[name="' + name + '"]').forEach(function (input) {
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) values.push(input.value);
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }

  function setupConditionals(form) {
    var rules = [];
    form.querySelectorAll("[data-vis-felt]").forEach(function (el) {
      var name = el.getAttribute("name");
      if (rules.some(function (r) { return r.name === name; })) return;
      rules.push({
        name: name,
        trigger: el.getAttribute("data-vis-felt"),
        values: el.getAttribute("data-vis-verdier").split(" "),
      });
    });
    if (!rules.length) return;

    function isVisible(name) {
      var wrapper = wrapperFor(name);
      return !wrapper || !wrapper.hidden;
    }

    function update() {
      // Rules may chain (a field revealed by a field that is itself conditional): evaluate in order.
      rules.forEach(function (rule) {
        var chosen = chosenValues(form, rule.trigger);
        var show = isVisible(rule.trigger) && chosen.some(function (v) { return rule.values.indexOf(v) !== -1; });
        var wrapper = wrapperFor(rule.name);
        if (wrapper) wrapper.hidden = !show;
      });
    }

    form.addEventListener("change", update);
    update();
  }

  function setupOrgnrLookup() {
    var input = document.querySelector("[data-orgnr-oppslag]");
    var box = document.getElementById("orgnr-oppslag");
    var navn = document.getElementById("id_navn");
    if (!input || !box || !navn) return;
    var last = null;

    function show(text, kind) {
      box.textContent = text;
      box.className = "alert alert-" + kind;
    }

    function lookup() {
      var orgnr = input.value.replace(/\s+/g, "");
      if (orgnr === last) return;
      last = orgnr;
      if (!/^\d{9}$/.test(orgnr)) { box.className = "alert d-none"; return; }
      fetch("/brreg/enhet/" + orgnr + "/", { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.json().then(function (body) { return { status: response.status, body: body }; });
        })
        .then(function (result) {
          if (result.status === 200) {
            var b = result.body;
            if (!navn.value || navn.dataset.autofylt === "1") { navn.value = b.navn; navn.dataset.autofylt = "1"; }
            var text = (b.er_kommune ? "Kommune: " : "Virksomhet: ") + b.navn +
              (b.kommune && !b.er_kommune ? " (" + b.kommune + ")" : "");
            var kind = "success";
            if (b.slettet) { text += ". Virksomheten er slettet i Enhetsregisteret og kan ikke søke."; kind = "danger"; }
            else if (b.konkurs) { text += ". Merk: Enhetsregisteret sier at virksomheten er konkurs."; kind = "warning"; }
            else if (b.under_avvikling) { text += ". Merk: virksomheten er under avvikling."; kind = "warning"; }
            document.querySelectorAll("input[data-bare-kommuner]").forEach(function (radio) {
              var bare = radio.dataset.bareKommuner.split(" ").indexOf(radio.value) >= 0;
              radio.disabled = bare && !b.er_kommune;
              if (radio.disabled && radio.checked) radio.checked = false;
              if (radio.disabled) {
                var label = document.querySelector("label[for='" + radio.id + "']");
                text += ". " + (label ? label.textContent.trim() : radio.value) + " kan bare søkes av en kommune";
              }
            });
            if (b.utdatert && b.hentet) {
              text += " (Enhetsregisteret svarer ikke nå; opplysningene er fra " +
                new Date(b.hentet).toLocaleDateString("nb-NO") + ".)";
            }
            show(text, kind);
          } else {
            if (navn.dataset.autofylt === "1") { navn.value = ""; navn.dataset.autofylt = ""; }
            show(result.body.melding || "Fant ikke virksomheten. Skriv navnet selv.", "warning");
          }
        })
        .catch(function () {
          show("Vi fikk ikke slått opp organisasjonsnummeret nå. Skriv navnet selv; du kan fortsette.", "warning");
        });
    }

    input.addEventListener("blur", lookup);
    input.addEventListener("change", lookup);
    if (input.value) lookup();
  }

  /* Show what an arena's LM text means while the user types (the server reads it the same way on save). */
  function setupLmTolkning() {
    var box = document.getElementById("lm-tolkning");
    var input = document.getElementById("id_laeringsmal");
    if (!box || !input) return;
    var timer = null;
    var sequence = 0;

    function render(result) {
      box.textContent = "";
      var p = document.createElement("p");
      p.className = "mb-1";
      var strong = document.createElement("strong");
      strong.textContent = "Forstått som " + result.koder.length + " læringsmål";
      p.appendChild(strong);
      if (result.kort) {
        p.appendChild(document.createTextNode(": "));
        var code = document.createElement("code");
        code.textContent = result.kort;
        p.appendChild(code);
      }
      box.appendChild(p);
      if (result.feil.length) {
        var intro = document.createElement("p");
        intro.className = "mb-1 text-danger";
        intro.textContent = "Dette kunne vi ikke lese – rett det, ellers telles det ikke med:";
        box.appendChild(intro);
        var list = document.createElement("ul");
        list.className = "mb-0 text-danger";
        result.feil.forEach(function (f) {
          var li = document.createElement("li");
          li.textContent = f.melding;
          list.appendChild(li);
        });
        box.appendChild(list);
      }
      box.classList.remove("d-none");
    }

    function update() {
      var text = input.value;
      if (!text.trim()) { box.classList.add("d-none"); box.textContent = ""; return; }
      var mine = ++sequence;
      var url = box.dataset.tolkUrl + "?spesialitet=" + encodeURIComponent(box.dataset.spesialitet) +
        "&tekst=" + encodeURIComponent(text);
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) { if (result && mine === sequence) render(result); })
        .catch(function () { /* the server reads the text on save in any case */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupLmTolkning();
    document.querySelectorAll("form").forEach(setupConditionals);
    setupOrgnrLookup();
    var summary = document.getElementById("feiloppsummering");
    if (summary) summary.focus();
  });
})();
