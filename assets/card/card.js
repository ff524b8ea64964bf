"use strict";
(function () {
  var parts = Array.prototype.slice.call(document.querySelectorAll("#parts li[data-secs]"));
  var controls = document.getElementById("controls");
  var start = document.getElementById("start");
  var reset = document.getElementById("reset");
  var clock = document.getElementById("clock");
  var status = document.getElementById("status");
  var timer = document.getElementById("timer");
  if (!parts.length || !controls || !start || !reset || !clock || !status || !timer) {
    return;
  }
  // What it says comes from the page, in the page's language.
  function text(name, fields) {
    var t = timer.getAttribute("data-" + name) || "";
    Object.keys(fields || {}).forEach(function (key) {
      t = t.split("{" + key + "}").join(fields[key]);
    });
    return t;
  }
  var index = 0;
  var left = 0;
  var end = 0;
  var tick = null;

  function secs(i) {
    return parseInt(parts[i].getAttribute("data-secs"), 10) || 0;
  }
  function show(s) {
    var m = Math.floor(s / 60);
    var r = s % 60;
    clock.textContent = m + ":" + (r < 10 ? "0" : "") + r;
  }
  function mark() {
    parts.forEach(function (li, i) {
      li.classList.toggle("done", i < index);
      li.classList.toggle("now", i === index);
      if (i === index) {
        li.setAttribute("aria-current", "step");
      } else {
        li.removeAttribute("aria-current");
      }
    });
  }
  function say(text) {
    status.textContent = text;
  }
  function label(i) {
    return text("part", { n: String(i + 1), part: parts[i].textContent });
  }
  function stop() {
    if (tick !== null) {
      clearInterval(tick);
      tick = null;
    }
  }
  function finish() {
    stop();
    index = parts.length;
    mark();
    show(0);
    say(text("done"));
    start.textContent = text("again");
  }
  function step() {
    var now = Date.now();
    left = Math.max(0, Math.ceil((end - now) / 1000));
    show(left);
    if (left > 0) {
      return;
    }
    index += 1;
    if (index >= parts.length) {
      finish();
      return;
    }
    left = secs(index);
    end = now + left * 1000;
    mark();
    show(left);
    say(label(index));
  }
  function begin() {
    if (index >= parts.length) {
      index = 0;
      left = secs(0);
    }
    end = Date.now() + left * 1000;
    tick = setInterval(step, 200);
    mark();
    say(label(index));
    start.textContent = text("pause");
  }
  function pause() {
    stop();
    left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    show(left);
    say(text("paused", { clock: clock.textContent, part: label(index) }));
    start.textContent = text("resume");
  }
  function restart() {
    stop();
    index = 0;
    left = secs(0);
    mark();
    show(left);
    say(text("ready", { part: label(0) }));
    start.textContent = text("start");
  }
  start.addEventListener("click", function () {
    if (tick === null) {
      begin();
    } else {
      pause();
    }
  });
  reset.addEventListener("click", restart);
  controls.hidden = false;
  restart();
})();
