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

  /* The start page: a specialty only kommuner may apply for is greyed out while a non-kommune is chosen
     (the server says the same when the form is sent without JavaScript). */
  function setupSpesialitetValg() {
    var orgs = document.querySelectorAll("input[name='organisasjonsnummer'][data-kommune]");
    var spesialiteter = document.querySelectorAll("input[data-bare-kommuner]");
    if (!orgs.length || !spesialiteter.length) return;

    function update() {
      var chosen = document.querySelector("input[name='organisasjonsnummer'][data-kommune]:checked");
      var kommune = !chosen || chosen.dataset.kommune === "1";
      spesialiteter.forEach(function (radio) {
        var bare = radio.dataset.bareKommuner.split(" ").indexOf(radio.value) >= 0;
        radio.disabled = bare && !kommune;
        if (radio.disabled && radio.checked) radio.checked = false;
      });
    }

    orgs.forEach(function (org) { org.addEventListener("change", update); });
    update();
  }

  /* Show what an arena's LM text means while the user types (the server reads it the same way on save).
     The sentences come translated from the server, in the data-tekst-* attributes of #lm-tolkning-tekster beside the
     box (templates/laeringsmal/_tolkning.html): "{n}" stands for the count, -en is the form for one and -flere
     for more. */
  function setupLmTolkning() {
    var box = document.getElementById("lm-tolkning");
    var input = document.getElementById("id_laeringsmal");
    var texts = document.getElementById("lm-tolkning-tekster");
    if (!box || !input || !texts) return;
    var timer = null;
    var sequence = 0;

    function counted(name, n) {
      var pattern = texts.dataset[name + (n === 1 ? "En" : "Flere")];
      return pattern.replace("{n}", String(n));
    }

    function render(result) {
      box.textContent = "";
      function code() {
        var c = document.createElement("code");
        c.textContent = result.kort;
        return c;
      }
      if (result.feil.length) {
        /* What could not be read comes first: a count that ignores it must not look like the answer. */
        var intro = document.createElement("p");
        intro.className = "mb-1 fw-bold text-danger";
        intro.textContent = texts.dataset.tekstFeil;
        box.appendChild(intro);
        var list = document.createElement("ul");
        list.className = "mb-1 text-danger";
        result.feil.forEach(function (f) {
          var li = document.createElement("li");
          li.textContent = f.melding;
          list.appendChild(li);
        });
        box.appendChild(list);
        var rest = document.createElement("p");
        rest.className = "mb-0 small";
        rest.appendChild(document.createTextNode(counted("tekstForelopig", result.koder.length)));
        if (result.kort) {
          rest.appendChild(document.createTextNode(": "));
          rest.appendChild(code());
        }
        rest.appendChild(document.createTextNode(". " + texts.dataset.tekstIkkeRettet));
        box.appendChild(rest);
      } else {
        var p = document.createElement("p");
        p.className = "mb-1";
        var strong = document.createElement("strong");
        strong.textContent = counted("tekstForstatt", result.koder.length);
        p.appendChild(strong);
        if (result.kort) {
          p.appendChild(document.createTextNode(": "));
          p.appendChild(code());
        }
        box.appendChild(p);
      }
      /* Sections read, partial objectives, comments kept: said back, so the user sees what "alle innen
         kommunikasjon" became. */
      (result.merknader || []).forEach(function (m) {
        var note = document.createElement("p");
        note.className = "mb-0 small";
        note.textContent = m.melding;
        box.appendChild(note);
      });
      /* The codes with their titles, under the regulation's sections. */
      if (result.grupper && result.grupper.length) {
        var details = document.createElement("details");
        details.className = "mt-1 small";
        var summary = document.createElement("summary");
        summary.textContent = texts.dataset.tekstTitler;
        details.appendChild(summary);
        result.grupper.forEach(function (g) {
          var heading = document.createElement("p");
          heading.className = "mb-0 mt-1 fw-semibold";
          heading.textContent = g.seksjon;
          /* the regulation's sections and titles are published in bokmål only: said so to a screen reader */
          if (g.bokmal) heading.lang = "nb";
          details.appendChild(heading);
          var ul = document.createElement("ul");
          ul.className = "mb-0";
          g.mal.forEach(function (m) {
            var li = document.createElement("li");
            li.appendChild(document.createTextNode(m.kode));
            if (m.tittel) {
              var title = document.createElement("span");
              title.lang = "nb";
              title.textContent = " " + m.tittel;
              li.appendChild(title);
            }
            if (m.delvis) li.appendChild(document.createTextNode(" (" + texts.dataset.tekstDelvis + ")"));
            ul.appendChild(li);
          });
          details.appendChild(ul);
        });
        box.appendChild(details);
      }
      box.classList.remove("d-none");
    }

    function update() {
      var text = input.value;
      if (!text.trim()) { box.classList.add("d-none"); box.textContent = ""; return; }
      var mine = ++sequence;
      var url = box.dataset.tolkUrl + "?tekst=" + encodeURIComponent(text);  // the application's specialty and date
      var headers = { Accept: "application/json" };
      // the page's key: the server answers from it without reading the session (drift/oppslag.py)
      if (box.dataset.tolkNokkel) headers["X-Oppslag"] = box.dataset.tolkNokkel;
      fetch(url, { headers: headers, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (result) { if (result && mine === sequence) render(result); })
        .catch(function () { /* the server reads the text on save in any case */ });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(update, 250);
    });
  }

  /* The error summary takes focus on load; its links move focus to the field and scroll so that the field's
     label or legend is in view too (the browser's own jump would hide it above the top of the window). */
  function setupFeiloppsummering() {
    var summary = document.getElementById("feiloppsummering");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
      if (!input) return;
      event.preventDefault();
      var fieldset = input.closest("fieldset");
      var label = (fieldset && fieldset.querySelector("legend")) ||
        document.querySelector("label[for='" + input.id + "']") || input;
      label.scrollIntoView({ block: "start", behavior: "instant" });
      input.focus({ preventScroll: true });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupLmTolkning();
    document.querySelectorAll("form").forEach(setupConditionals);
    setupSpesialitetValg();
    setupFeiloppsummering();
  });
})();
