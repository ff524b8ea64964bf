"use strict";
(function () {
  var parts = Array.prototype.slice.call(document.querySelectorAll("#parts li[data-secs]"));
  var controls = document.getElementById("controls");
  var start = document.getElementById("start");
  var reset = document.getElementById("reset");
  var clock = document.getElementById("clock");
  var status = document.getElementById("status");
  if (!parts.length || !controls || !start || !reset || !clock || !status) {
    return;
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
    return "Part " + (i + 1) + " of " + parts.length + ": " + parts[i].textContent;
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
    say("All " + parts.length + " parts done. Answer the reminder with Done.");
    start.textContent = "Start again";
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
    start.textContent = "Pause";
  }
  function pause() {
    stop();
    left = Math.max(0, Math.ceil((end - Date.now()) / 1000));
    show(left);
    say("Paused at " + clock.textContent + ". " + label(index));
    start.textContent = "Resume";
  }
  function restart() {
    stop();
    index = 0;
    left = secs(0);
    mark();
    show(left);
    say("Ready. " + label(0));
    start.textContent = "Start";
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
