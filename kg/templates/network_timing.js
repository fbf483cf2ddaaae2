// Conflict KG network page, 2 of 10: timings, as User Timing entries a benchmark can read back.
// "kg:first-draw" marks the end of the first drawn frame (its startTime counts from navigation);
// each timed interaction is a measure "kg:<name>" from its input event to the end of the next
// frame: the animation-frame callback asked for after the handler ran comes after vis-network's
// redraw in that frame (vis asks for its frame first, during the handler).
(function () {
  "use strict";
  var V = window.KG.network;

  function eventStart(event) {
    var source = event && (event.srcEvent || (event.event && event.event.srcEvent) || event);
    var stamp = source && typeof source.timeStamp === "number" ? source.timeStamp : 0;
    return stamp > 0 && stamp <= performance.now() ? stamp : performance.now();
  }
  function measure(name, start) {
    requestAnimationFrame(function () {
      try {
        performance.measure("kg:" + name, {start: start, end: performance.now()});
      } catch (error) { /* a browser without User Timing level 3 keeps no timings */ }
    });
  }

  // `handler` wrapped: the interaction is named `name`, or by what the handler returns when
  // `name` is null (a click can be a node, an edge, a community or nothing).
  V.timed = function (name, handler) {
    return function (event) {
      var start = eventStart(event), result = handler.apply(this, arguments);
      if (name || result) { measure(name || result, start); }
      return result;
    };
  };
  V.markFirstDraw = function (network) {
    network.once("afterDrawing", function () {
      performance.mark("kg:first-draw");
      window.kgReady = true;
    });
  };
}());
