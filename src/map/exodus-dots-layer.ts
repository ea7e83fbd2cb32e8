/**
 * "Every person a dot": the exodus of September–October 2023 as a WebGL2 custom layer. Each dot
 * carries only its border-crossing time and its row; the vertex shader places it on the Lachin
 * corridor from a time uniform (mirroring `progressAt` in timeline/dots.ts), so animating 100,514
 * dots costs a few uniforms a frame instead of a `setData` of 100,514 features.
 *
 * GL state: every GL call happens inside `render`, where MapLibre expects foreign state and marks
 * its own cache dirty afterwards; `onAdd` and the setters only record what to do. MapLibre 6 is
 * WebGL2-only, so there is no WebGL1 path. After a lost context, MapLibre 6.17 rebuilds the style
 * without custom layers (it warns so): the map's owner adds this layer again once the rebuilt style
 * has loaded, and `onAdd` then starts from fresh GL objects.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { toMercator } from '../geo/mercator';
import { DOT_ALPHA, DOT_COLOR, DOT_PX, ROW_PX, rgba } from '../look/exodus-dots';
import { BORDER_TO_GORIS_MS, DRIVE_TO_BORDER_MS, laneOffsets, routeFractions } from '../timeline/dots';

/** Route vertices the shader's uniform arrays hold; the Lachin corridor has 9. */
export const MAX_ROUTE_VERTICES = 32;

const HOUR_MS = 3_600_000;
/** A crossing time far outside any trip, given to dots whose time is not finite so they never show. */
const NEVER_HOURS = -1e9;
/** Slack on the CPU's draw range so float32 rounding in the shader, not the range, decides the edges. */
const RANGE_SLACK_MS = 60_000;

/** What the layer draws; `crossings` comes from `crossingTimes` in timeline/dots.ts. */
export interface ExodusDotsOptions {
  id: string;
  /** Lon/lat polyline, Stepanakert → Goris, at most `MAX_ROUTE_VERTICES` vertices. */
  route: [number, number][];
  /** Where along the route (share of its length, 0..1) the border checkpoint is. */
  borderFraction: number;
  crossings: Float64Array;
  color?: [number, number, number, number];
}

/** A custom layer the timeline drives by time, without touching the style. */
export interface ExodusDotsLayer extends CustomLayerInterface {
  setTime(t: number): void;
  setVisible(v: boolean): void;
  setData(crossings: Float64Array): void;
}

const VERTEX_SHADER = `#version 300 es
precision highp float;
const int MAX_VERTICES = ${MAX_ROUTE_VERTICES};
uniform vec2 u_route[MAX_VERTICES];
uniform float u_fraction[MAX_VERTICES];
uniform int u_vertex_count;
uniform float u_border;
uniform float u_to_border;
uniform float u_to_goris;
uniform float u_time;
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_point_size;
uniform float u_row_px;
in float a_crossing;
in float a_lane;

void main() {
  float depart = a_crossing - u_to_border;
  float arrive = a_crossing + u_to_goris;
  if (!(u_time >= depart && u_time <= arrive)) {
    // Beyond the far plane: clipped before rasterisation.
    gl_Position = vec4(0.0, 0.0, 2.0, 1.0);
    gl_PointSize = 1.0;
    return;
  }
  float progress = u_time < a_crossing
    ? u_border * (u_time - depart) / u_to_border
    : u_border + (1.0 - u_border) * (u_time - a_crossing) / u_to_goris;
  progress = clamp(progress, 0.0, 1.0);

  vec2 a = u_route[0];
  vec2 b = u_route[1];
  float fa = u_fraction[0];
  float fb = u_fraction[1];
  for (int i = 1; i < MAX_VERTICES; i++) {
    if (i >= u_vertex_count) break;
    a = u_route[i - 1];
    b = u_route[i];
    fa = u_fraction[i - 1];
    fb = u_fraction[i];
    if (progress <= fb) break;
  }
  float along = fb > fa ? clamp((progress - fa) / (fb - fa), 0.0, 1.0) : 0.0;
  vec4 position = u_matrix * vec4(mix(a, b, along), 0.0, 1.0);

  // Rows sit side by side on screen, whatever the zoom: offset in pixels across the segment.
  vec4 ca = u_matrix * vec4(a, 0.0, 1.0);
  vec4 cb = u_matrix * vec4(b, 0.0, 1.0);
  vec2 direction = (cb.xy / cb.w - ca.xy / ca.w) * u_viewport;
  float len = length(direction);
  vec2 across = len > 0.0 ? vec2(-direction.y, direction.x) / len : vec2(0.0);
  position.xy += across * (a_lane * u_row_px) * 2.0 / u_viewport * position.w;

  gl_Position = position;
  // One pixel more than the dot, for the antialiased rim.
  gl_PointSize = u_point_size + 1.0;
}
`;

const FRAGMENT_SHADER = `#version 300 es
precision highp float;
uniform vec4 u_color;
uniform float u_point_size;
out vec4 fragColor;

void main() {
  // Coverage of a disc of diameter u_point_size, antialiased over one pixel at its rim.
  float r = length(gl_PointCoord - 0.5) * (u_point_size + 1.0);
  float alpha = u_color.a * clamp(0.5 * u_point_size - r + 0.5, 0.0, 1.0);
  if (alpha <= 0.0) discard;
  // MapLibre blends custom layers as premultiplied alpha.
  fragColor = vec4(u_color.rgb * alpha, alpha);
}
`;

/** The route as the shader reads it: vertices relative to the first, so float32 keeps sub-metre precision. */
interface RouteUniforms {
  origin: [number, number];
  vertices: Float32Array;
  fractions: Float32Array;
  count: number;
}

function routeUniforms(route: [number, number][]): RouteUniforms | null {
  const usable =
    route.length >= 2 &&
    route.length <= MAX_ROUTE_VERTICES &&
    route.every(([lon, lat]) => Number.isFinite(lon) && Math.abs(lat) < 85);
  if (!usable) return null;
  const points = route.map(([lon, lat]) => toMercator(lon, lat));
  const origin = points[0] ?? [0, 0];
  const vertices = new Float32Array(MAX_ROUTE_VERTICES * 2);
  points.forEach(([x, y], i) => {
    vertices[2 * i] = x - origin[0];
    vertices[2 * i + 1] = y - origin[1];
  });
  const fractions = new Float32Array(MAX_ROUTE_VERTICES);
  fractions.set(routeFractions(route));
  return { origin, vertices, fractions, count: route.length };
}

/** Per-dot attributes, interleaved (crossing hours from `epochMs`, row), and whether times are sorted. */
interface Packed {
  epochMs: number;
  vertices: Float32Array;
  sorted: boolean;
}

function pack(crossings: Float64Array, lanes: Float32Array): Packed {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sorted = true;
  let previous = Number.NEGATIVE_INFINITY;
  for (const c of crossings) {
    if (!(c >= previous)) sorted = false;
    previous = c;
    if (Number.isFinite(c)) {
      min = Math.min(min, c);
      max = Math.max(max, c);
    }
  }
  // Hours from the middle of the data stay small enough for float32 to resolve seconds.
  const epochMs = min <= max ? (min + max) / 2 : 0;
  const vertices = new Float32Array(crossings.length * 2);
  crossings.forEach((c, i) => {
    vertices[2 * i] = Number.isFinite(c) ? (c - epochMs) / HOUR_MS : NEVER_HOURS;
    vertices[2 * i + 1] = lanes[i] ?? 0;
  });
  return { epochMs, vertices, sorted };
}

/** First index whose crossing is at least `t` in sorted crossings. */
function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FRAME_UNIFORMS = ['u_time', 'u_matrix', 'u_viewport', 'u_point_size', 'u_row_px'] as const;
type FrameUniform = (typeof FRAME_UNIFORMS)[number];

interface GlResources {
  gl: WebGL2RenderingContext;
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  uniforms: Record<FrameUniform, WebGLUniformLocation | null>;
}

function compileShader(gl: WebGL2RenderingContext, type: GLenum, source: string, log: string[]): WebGLShader | null {
  const shader = gl.createShader(type);
  if (!shader) return null;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (gl.getShaderParameter(shader, gl.COMPILE_STATUS)) return shader;
  log.push(gl.getShaderInfoLog(shader) ?? '');
  gl.deleteShader(shader);
  return null;
}

/** Compiles and links the program; on failure returns the driver's log instead. */
function linkProgram(gl: WebGL2RenderingContext): WebGLProgram | string {
  const log: string[] = [];
  const vs = compileShader(gl, gl.VERTEX_SHADER, VERTEX_SHADER, log);
  const fs = compileShader(gl, gl.FRAGMENT_SHADER, FRAGMENT_SHADER, log);
  const program = vs && fs ? gl.createProgram() : null;
  if (program && vs && fs) {
    gl.attachShader(program, vs);
    gl.attachShader(program, fs);
    gl.bindAttribLocation(program, 0, 'a_crossing');
    gl.bindAttribLocation(program, 1, 'a_lane');
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS)) log.push(gl.getProgramInfoLog(program) ?? '');
  }
  if (vs) gl.deleteShader(vs);
  if (fs) gl.deleteShader(fs);
  if (program && log.length === 0) return program;
  if (program) gl.deleteProgram(program);
  return log.join('\n') || 'the context gave no shader objects';
}

/**
 * The dots layer for `map.addLayer(layer, beforeId)`. One object keeps the data and the time across
 * removals, so the same layer can be added again (after a lost context, say).
 */
export function createExodusDotsLayer(o: ExodusDotsOptions): ExodusDotsLayer {
  const route = routeUniforms(o.route);
  const color = o.color ?? rgba(DOT_COLOR, DOT_ALPHA);
  const border = Math.min(1, Math.max(0, Number.isFinite(o.borderFraction) ? o.borderFraction : 0));
  const matrix = new Float32Array(16);
  let map: MapLibreMap | null = null;
  let res: GlResources | null = null;
  let crossings = o.crossings;
  let lanes = laneOffsets(crossings.length);
  let packed = pack(crossings, lanes);
  let uploaded = false;
  let timeMs = Number.NaN;
  let visible = true;
  let warned = false;
  let broken = false;

  const warnOnce = (message: string) => {
    if (!warned) console.warn(`exodus dots (${o.id}): ${message}`);
    warned = true;
  };
  if (!route) warnOnce(`the route needs 2–${MAX_ROUTE_VERTICES} vertices inside Web Mercator; nothing will be drawn`);

  const release = (gl: WebGL2RenderingContext) => {
    if (res && res.gl === gl && !gl.isContextLost()) {
      gl.deleteBuffer(res.buffer);
      gl.deleteVertexArray(res.vao);
      gl.deleteProgram(res.program);
    }
    res = null;
    uploaded = false;
  };

  const build = (gl: WebGL2RenderingContext, r: RouteUniforms): GlResources | null => {
    const program = linkProgram(gl);
    if (typeof program === 'string') {
      broken = true;
      warnOnce(`the shaders did not compile, so the layer draws nothing:\n${program}`);
      return null;
    }
    const vao = gl.createVertexArray();
    const buffer = gl.createBuffer();
    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook.
    gl.useProgram(program);
    // Constant for the layer's life: set once, kept by the program.
    gl.uniform2fv(gl.getUniformLocation(program, 'u_route'), r.vertices);
    gl.uniform1fv(gl.getUniformLocation(program, 'u_fraction'), r.fractions);
    gl.uniform1i(gl.getUniformLocation(program, 'u_vertex_count'), r.count);
    gl.uniform1f(gl.getUniformLocation(program, 'u_border'), border);
    gl.uniform1f(gl.getUniformLocation(program, 'u_to_border'), DRIVE_TO_BORDER_MS / HOUR_MS);
    gl.uniform1f(gl.getUniformLocation(program, 'u_to_goris'), BORDER_TO_GORIS_MS / HOUR_MS);
    gl.uniform4fv(gl.getUniformLocation(program, 'u_color'), color);
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 1, gl.FLOAT, false, 8, 0);
    gl.enableVertexAttribArray(1);
    gl.vertexAttribPointer(1, 1, gl.FLOAT, false, 8, 4);
    gl.bindVertexArray(null);
    const uniforms = Object.fromEntries(FRAME_UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)])) as Record<
      FrameUniform,
      WebGLUniformLocation | null
    >;
    return { gl, program, vao, buffer, uniforms };
  };

  const draw = (gl: WebGL2RenderingContext, options: CustomRenderMethodInput) => {
    if (!route || !map || !visible || !Number.isFinite(timeMs) || crossings.length === 0) return;
    if (res && res.gl !== gl) res = null;
    if (!res && !broken) res = build(gl, route);
    if (!res) return;
    // Only dots that can be on the road at this time go to the GPU; all of them if times are unsorted.
    const first = packed.sorted ? lowerBound(crossings, timeMs - BORDER_TO_GORIS_MS - RANGE_SLACK_MS) : 0;
    const end = packed.sorted ? lowerBound(crossings, timeMs + DRIVE_TO_BORDER_MS + RANGE_SLACK_MS) : crossings.length;
    if (end <= first) return;

    // `modelViewProjectionMatrix` takes world pixels; this one takes Mercator 0..1 (mercator only).
    // Translated to the route's origin in float64, before it is narrowed to float32.
    const m = options.defaultProjectionData.mainMatrix;
    const [ox, oy] = route.origin;
    for (let i = 0; i < 12; i++) matrix[i] = m[i] ?? 0;
    for (let r = 0; r < 4; r++) matrix[12 + r] = (m[r] ?? 0) * ox + (m[4 + r] ?? 0) * oy + (m[12 + r] ?? 0);
    const width = gl.drawingBufferWidth;
    const height = gl.drawingBufferHeight;
    const cssWidth = map.getCanvas().clientWidth;
    const pixelRatio = cssWidth > 0 ? width / cssWidth : 1;

    // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook.
    gl.useProgram(res.program);
    gl.bindVertexArray(res.vao);
    if (!uploaded) {
      gl.bindBuffer(gl.ARRAY_BUFFER, res.buffer);
      gl.bufferData(gl.ARRAY_BUFFER, packed.vertices, gl.STATIC_DRAW);
      uploaded = true;
    }
    const u = res.uniforms;
    gl.uniform1f(u.u_time, (timeMs - packed.epochMs) / HOUR_MS);
    gl.uniformMatrix4fv(u.u_matrix, false, matrix);
    gl.uniform2f(u.u_viewport, width, height);
    gl.uniform1f(u.u_point_size, DOT_PX * pixelRatio);
    gl.uniform1f(u.u_row_px, ROW_PX * pixelRatio);
    gl.drawArrays(gl.POINTS, first, end - first);
    gl.bindVertexArray(null);
  };

  return {
    id: o.id,
    type: 'custom',
    renderingMode: '2d',

    onAdd(m: MapLibreMap, gl: WebGL2RenderingContext) {
      // Added again after a lost context, the old objects died with it: build new ones.
      if (res && (res.gl !== gl || !gl.isProgram(res.program))) {
        res = null;
        uploaded = false;
      }
      map = m;
      m.triggerRepaint();
    },

    onRemove(_m: MapLibreMap, gl: WebGL2RenderingContext) {
      release(gl);
      map = null;
    },

    render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput) {
      try {
        draw(gl, options);
      } catch (error) {
        warnOnce(`drawing failed: ${String(error)}`);
      }
    },

    setTime(t: number) {
      timeMs = t;
      map?.triggerRepaint();
    },

    setVisible(v: boolean) {
      if (v === visible) return;
      visible = v;
      map?.triggerRepaint();
    },

    setData(next: Float64Array) {
      if (next.length !== lanes.length) lanes = laneOffsets(next.length);
      crossings = next;
      packed = pack(crossings, lanes);
      uploaded = false;
      map?.triggerRepaint();
    },
  };
}
