// Byte layout of commands and snapshots: a version word, then the fields in declaration order; optional parts behind
// a flag byte. Numbers are little-endian (both WebAssembly and x86-64 are), matrices as rows, cols, then column-major
// doubles, so the view receives exactly the engine's values.
#include "engine/protocol_codec.h"

#include "engine/config_wire.h"
#include "engine/wire_items.h"

namespace catgeo {
namespace {

constexpr std::uint32_t kCommandMagic = 0x43474331;   // "CGC1"
constexpr std::uint32_t kSnapshotMagic = 0x43474753;  // "CGGS"

// The fields a view draws and exports (the reference log-joint and scores stay in the engine).
void put_fields(WireWriter& w, const GridFields& f) {
  w.boolean(f.size() > 0);  // no fields yet (a new run): nothing else follows
  if (f.size() == 0) return;
  put_grid(w, f.grid);
  w.i32(f.num_classes);
  w.boolean(f.has_reference);
  w.boolean(f.has_network);
  for (const Eigen::MatrixXd* m : {&f.reference_posterior, &f.fcat, &f.fcat_eigen, &f.network_posterior, &f.fcode,
                                   &f.fcode_eigen, &f.fcat_self})
    put_matrix(w, *m);
  w.u32(static_cast<std::uint32_t>(f.density.size()));
  w.raw(f.density.data(), sizeof(double) * static_cast<std::size_t>(f.density.size()));
}

void get_fields(WireReader& r, GridFields& f) {
  if (!r.boolean()) {
    f = GridFields();
    return;
  }
  GridSpec grid;
  get_grid(r, grid);
  const int classes = r.i32();
  if (!r.ok() || classes < 0 || classes > kMaxClasses) return r.fail();
  f.reshape(grid, classes);  // points and axes come from the grid
  f.has_reference = r.boolean();
  f.has_network = r.boolean();
  for (Eigen::MatrixXd* m : {&f.reference_posterior, &f.fcat, &f.fcat_eigen, &f.network_posterior, &f.fcode,
                             &f.fcode_eigen, &f.fcat_self})
    get_matrix(r, *m);
  f.density.resize(static_cast<Eigen::Index>(r.count(sizeof(double))));
  r.raw(f.density.data(), sizeof(double) * static_cast<std::size_t>(f.density.size()));
  const Eigen::Index P = f.points.cols();
  for (const Eigen::MatrixXd* m : {&f.reference_posterior, &f.network_posterior})
    if (m->cols() != P || m->rows() != classes) r.fail();
  for (const Eigen::MatrixXd* m : {&f.fcat, &f.fcat_eigen, &f.fcode, &f.fcode_eigen, &f.fcat_self})
    if (m->cols() != P || m->rows() != 3) r.fail();
  if (f.density.size() != P) r.fail();
}

void put_match(WireWriter& w, const MatchMetrics& m) {
  put_doubles(w, m.fcat_peaks), put_doubles(w, m.fcode_peaks), put_doubles(w, m.boundaries);
  for (double v : {m.peak_boundary_distance, m.fcode_fcat_peak_distance, m.angle_deg_weighted, m.angle_deg_top20, m.loglog_r, m.spearman_r,
                   m.contrast, m.exponent, m.info_loss})
    w.f64(v);
  w.i32(m.region_points);
}

void put_snapshot_row(WireWriter& w, const MetricsSnapshot& s) {
  w.f64(s.epoch), w.f64(s.train_loss), w.f64(s.test_loss), w.f64(s.test_accuracy), w.f64(s.info_r_lower_bound);
  put_match(w, s.match);
  w.boolean(s.measured);
}

void get_match(WireReader& r, MatchMetrics& m) {
  get_doubles(r, m.fcat_peaks), get_doubles(r, m.fcode_peaks), get_doubles(r, m.boundaries);
  for (double* v : {&m.peak_boundary_distance, &m.fcode_fcat_peak_distance, &m.angle_deg_weighted, &m.angle_deg_top20, &m.loglog_r, &m.spearman_r,
                    &m.contrast, &m.exponent, &m.info_loss})
    *v = r.f64();
  m.region_points = r.i32();
}

void get_snapshot_row(WireReader& r, MetricsSnapshot& s) {
  s.epoch = r.f64(), s.train_loss = r.f64(), s.test_loss = r.f64(), s.test_accuracy = r.f64();
  s.info_r_lower_bound = r.f64();
  get_match(r, s.match);
  s.measured = r.boolean();
}

void put_layer_row(WireWriter& w, const LayerMetricsRow& row) {
  w.i32(row.epoch);
  w.u32(static_cast<std::uint32_t>(row.layers.size()));
  for (const LayerMatch& layer : row.layers) w.i32(layer.index), put_match(w, layer.match);
}

void get_layer_row(WireReader& r, LayerMetricsRow& row) {
  row.epoch = r.i32();
  row.layers.resize(r.count(4 + 3 * 4 + 9 * 8 + 4));  // the smallest layer: index, three empty lists, nine numbers
  for (LayerMatch& layer : row.layers) layer.index = r.i32(), get_match(r, layer.match);
}

void put_information_row(WireWriter& w, const InformationRow& row) {
  const InformationSummary& i = row.summary;
  w.i32(row.epoch);
  for (double v : {i.info_r, i.info_r_se, i.coding_cost, i.decoding_cost, i.decoding_cost_se, i.bayes_cost, i.info_xr,
                   i.info_xr_se, i.info_xr_highsnr, i.info_r_bias_correction, i.ess_fraction, i.info_r_highsnr,
                   i.bv_noise, i.bv_bias, i.bv_variance, i.bv_cross_entropy, i.fcode_over_fcat_cv, i.info_x_kde,
                   i.info_x_kde_se})
    w.f64(v);
}
constexpr std::size_t kInformationRowBytes = 4 + 19 * 8;

void get_information_row(WireReader& r, InformationRow& row) {
  InformationSummary& i = row.summary;
  row.epoch = r.i32();
  for (double* v :
       {&i.info_r, &i.info_r_se, &i.coding_cost, &i.decoding_cost, &i.decoding_cost_se, &i.bayes_cost, &i.info_xr,
        &i.info_xr_se, &i.info_xr_highsnr, &i.info_r_bias_correction, &i.ess_fraction, &i.info_r_highsnr, &i.bv_noise,
        &i.bv_bias, &i.bv_variance, &i.bv_cross_entropy, &i.fcode_over_fcat_cv, &i.info_x_kde, &i.info_x_kde_se})
    *v = r.f64();
}

void put_bias_variance(WireWriter& w, const BiasVarianceMaps& m) {
  w.i32(m.epoch);
  put_grid(w, m.grid);
  put_vector(w, m.noise), put_vector(w, m.bias), put_vector(w, m.variance);
}
void get_bias_variance(WireReader& r, BiasVarianceMaps& m) {
  m.epoch = r.i32();
  get_grid(r, m.grid);
  get_vector(r, m.noise), get_vector(r, m.bias), get_vector(r, m.variance);
  const Eigen::Index P = m.noise.size();
  if (m.bias.size() != P || m.variance.size() != P || (P > 0 && P != m.grid.size())) r.fail();
}

void put_loss_map(WireWriter& w, const LossMap& m) {
  w.i32(m.epoch);
  put_grid(w, m.grid);
  for (const Eigen::VectorXd* v : {&m.loss, &m.loss_se, &m.density, &m.fcat_trace, &m.high_snr}) put_vector(w, *v);
  w.f64(m.average), w.f64(m.average_se);
}
void get_loss_map(WireReader& r, LossMap& m) {
  m.epoch = r.i32();
  get_grid(r, m.grid);
  for (Eigen::VectorXd* v : {&m.loss, &m.loss_se, &m.density, &m.fcat_trace, &m.high_snr}) get_vector(r, *v);
  m.average = r.f64(), m.average_se = r.f64();
  const Eigen::Index P = m.loss.size();
  for (const Eigen::VectorXd* v : {&m.loss_se, &m.density, &m.fcat_trace, &m.high_snr})
    if (v->size() != P) r.fail();
  if (P > 0 && P != m.grid.size()) r.fail();
}

void put_width_study(WireWriter& w, const WidthStudy& s) {
  w.u8(static_cast<std::uint8_t>(s.state)), w.text(s.message), w.i32(s.runs_total), w.f64(s.progress);
  w.u32(static_cast<std::uint32_t>(s.rows.size()));
  for (const WidthStudyRow& row : s.rows) {
    const HighSnrCheck& c = row.check;
    w.text(row.link), w.text(row.state), w.i32(c.width);
    for (double v : {c.sigma, c.snr, c.info_x, c.info_r, c.info_r_se, c.info_r_highsnr}) w.f64(v);
  }
}
void get_width_study(WireReader& r, WidthStudy& s) {
  const std::uint8_t state = r.u8();
  if (state > static_cast<std::uint8_t>(StudyState::unavailable)) r.fail();
  s.state = static_cast<StudyState>(state);
  s.message = r.text(), s.runs_total = r.i32(), s.progress = r.f64();
  s.rows.resize(r.count(4 + 4 + 4 + 6 * 8));
  for (WidthStudyRow& row : s.rows) {
    HighSnrCheck& c = row.check;
    row.link = r.text(), row.state = r.text(), c.width = r.i32();
    for (double* v : {&c.sigma, &c.snr, &c.info_x, &c.info_r, &c.info_r_se, &c.info_r_highsnr}) *v = r.f64();
  }
}

}  // namespace

std::vector<std::uint8_t> encode_command(const Command& c) {
  WireWriter w;
  w.u32(kCommandMagic);
  w.u32(kProtocolVersion);
  w.u8(static_cast<std::uint8_t>(c.kind));
  w.u32(c.id);
  w.text(c.key);
  w.text(c.text);
  w.f64(c.number), w.f64(c.seconds), w.f64(c.x), w.f64(c.y), w.f64(c.x_end), w.f64(c.y_end);
  put_points(w, c.points);
  w.u32(static_cast<std::uint32_t>(c.pixels.size()));
  w.raw(c.pixels.data(), sizeof(float) * c.pixels.size());
  if (carries_config(c.kind)) put_config(w, c.config);
  return std::move(w.bytes());
}

bool decode_command(const std::uint8_t* data, std::size_t size, Command& c) {
  WireReader r(data, size);
  if (r.u32() != kCommandMagic || r.u32() != kProtocolVersion) return false;
  const std::uint8_t kind = r.u8();
  if (kind > static_cast<std::uint8_t>(CommandKind::ack)) return false;
  c.kind = static_cast<CommandKind>(kind);
  c.id = r.u32();
  c.key = r.text();
  c.text = r.text();
  c.number = r.f64(), c.seconds = r.f64(), c.x = r.f64(), c.y = r.f64(), c.x_end = r.f64(), c.y_end = r.f64();
  get_points(r, c.points);
  c.pixels.resize(r.count(sizeof(float)));
  r.raw(c.pixels.data(), sizeof(float) * c.pixels.size());
  if (carries_config(c.kind)) get_config(r, c.config);
  return r.ok() && r.at_end();
}

std::vector<std::uint8_t> encode_snapshot(const Snapshot& s, std::vector<std::uint8_t> buffer) {
  WireWriter w(std::move(buffer));
  w.u32(kSnapshotMagic);
  w.u32(s.protocol);
  w.u32(s.completed);
  w.boolean(s.has_config);
  if (s.has_config) put_config(w, s.config), w.text(s.share_link), w.text(s.share_notice);
  w.boolean(s.has_load);
  if (s.has_load) {
    w.u32(s.load.command), w.boolean(s.load.ok), w.boolean(s.load.pending), w.boolean(s.load.asset_failed),
        w.text(s.load.error);
    put_strings(w, s.load.notices);
  }
  w.boolean(s.has_facts);
  if (s.has_facts) {
    const RunFacts& f = s.facts;
    w.u32(f.serial), w.boolean(f.has_run), w.i32(f.dims), w.i32(f.num_classes), w.boolean(f.reference_exact);
    w.boolean(f.learned_projection), w.f64(f.info_x), w.f64(f.class_entropy);
  }
  w.u8(static_cast<std::uint8_t>(s.state));
  w.text(s.message), w.text(s.status);
  w.i32(s.epoch), w.f64(s.epoch_progress);
  w.text(s.mnist_state);
  const EnginePerf& p = s.perf;
  w.f64(p.train_ms_last_tick), w.f64(p.field_ms_last), w.f64(p.refreshes_per_second), w.i32(p.refresh_count);
  w.f64(p.samples_per_second), w.f64(p.train_samples_per_second), w.f64(p.info_ms_last), w.i32(p.info_queued);
  w.f64(p.decoder_ms_last), w.f64(p.work_share);
  w.boolean(s.history_reset);
  w.u32(static_cast<std::uint32_t>(s.new_history.size()));
  for (const MetricsSnapshot& row : s.new_history) put_snapshot_row(w, row);
  w.u32(static_cast<std::uint32_t>(s.new_information.size()));
  for (const InformationRow& row : s.new_information) put_information_row(w, row);
  w.u32(static_cast<std::uint32_t>(s.new_layer_metrics.size()));
  for (const LayerMetricsRow& row : s.new_layer_metrics) put_layer_row(w, row);
  w.boolean(s.has_bias_variance);
  if (s.has_bias_variance) put_bias_variance(w, s.bias_variance);
  w.boolean(s.has_fields);
  if (s.has_fields) w.i32(s.fields_version), w.i32(s.fields_layer), put_fields(w, s.fields);
  w.boolean(s.has_confusion);
  if (s.has_confusion) {
    w.u32(static_cast<std::uint32_t>(s.confusion.size()));
    for (const std::vector<int>& row : s.confusion) put_ints(w, row);
  }
  w.boolean(s.has_samples);
  if (s.has_samples) put_matrix(w, s.samples), put_ints(w, s.sample_labels);
  w.boolean(s.has_gallery);
  if (s.has_gallery) {
    w.i32(s.image_side), w.i32(s.gallery_total), w.i32(s.test_size);
    w.u32(static_cast<std::uint32_t>(s.gallery.size()));
    for (const MisclassifiedDigit& d : s.gallery) {
      w.i32(d.test_index), w.i32(d.true_label), w.i32(d.predicted_label), w.f64(d.confidence);
      put_bytes(w, d.pixels);
    }
  }
  w.boolean(s.has_probe);
  if (s.has_probe) {
    w.f64(s.probe.x), w.f64(s.probe.y), w.boolean(s.probe.valid);
    if (s.probe.valid) put_fields(w, s.probe.fields);
    w.u32(static_cast<std::uint32_t>(s.probe.nearest.size()));
    for (const NearestDigit& d : s.probe.nearest) {
      w.i32(d.index), w.i32(d.label), w.f64(d.distance);
      put_bytes(w, d.pixels);
    }
  }
  w.boolean(s.has_cut);
  if (s.has_cut) {
    w.boolean(s.cut.active), w.boolean(s.cut.valid);
    w.f64(s.cut.segment.x0), w.f64(s.cut.segment.y0), w.f64(s.cut.segment.x1), w.f64(s.cut.segment.y1);
    if (s.cut.valid) put_fields(w, s.cut.fields);
  }
  w.boolean(s.has_path);
  if (s.has_path) {
    const PathResult& p = s.path;
    w.boolean(p.active), w.boolean(p.valid), w.text(p.error);
    w.i32(p.digit_a), w.i32(p.digit_b), w.i32(p.pair), w.i32(p.class_a), w.i32(p.class_b);
    w.i32(p.test_a), w.i32(p.test_b), w.i32(p.image_side);
    if (p.valid) {
      w.u32(static_cast<std::uint32_t>(p.images.size()));
      for (const std::vector<std::uint8_t>& image : p.images) put_bytes(w, image);
      put_matrix(w, p.codes);
      put_fields(w, p.fields);
      w.u32(static_cast<std::uint32_t>(p.cosine_distance.size()));
      for (double d : p.cosine_distance) w.f64(d);
    }
  }
  w.boolean(s.has_drawn);
  if (s.has_drawn) {
    const DrawnResult& d = s.drawn;
    w.u32(d.command), w.boolean(d.active), w.boolean(d.valid), w.text(d.error);
    if (d.valid) {
      w.i32(d.image_side), put_bytes(w, d.image), w.i32(d.predicted);
      put_matrix(w, d.code);
      put_fields(w, d.fields);
      w.u32(static_cast<std::uint32_t>(d.nearest.size()));
      for (const NearestDigit& n : d.nearest) {
        w.i32(n.index), w.i32(n.label), w.f64(n.distance);
        put_bytes(w, n.pixels);
      }
    }
  }
  w.boolean(s.has_decoder);
  if (s.has_decoder) {
    const DecoderResult& d = s.decoder;
    w.boolean(d.valid), w.i32(d.epoch), w.i32(d.draws), w.f64(d.median_rel_error);
    put_matrix(w, d.points), put_matrix(w, d.covariance), put_matrix(w, d.fisher), put_matrix(w, d.jacobian_fisher);
  }
  w.boolean(s.has_loss_maps);
  if (s.has_loss_maps) {
    put_loss_map(w, s.loss_maps.before), put_loss_map(w, s.loss_maps.latest);
    w.i32(s.loss_maps.points_done), w.i32(s.loss_maps.points_total);
  }
  w.boolean(s.has_width_study);
  if (s.has_width_study) put_width_study(w, s.width_study);
  return std::move(w.bytes());
}

bool decode_snapshot(const std::uint8_t* data, std::size_t size, Snapshot& s) {
  WireReader r(data, size);
  s = Snapshot();
  if (r.u32() != kSnapshotMagic) return false;
  s.protocol = r.u32();
  if (s.protocol != kProtocolVersion) return false;
  s.completed = r.u32();
  if ((s.has_config = r.boolean())) get_config(r, s.config), s.share_link = r.text(), s.share_notice = r.text();
  if ((s.has_load = r.boolean())) {
    s.load.command = r.u32(), s.load.ok = r.boolean(), s.load.pending = r.boolean(),
    s.load.asset_failed = r.boolean(), s.load.error = r.text();
    get_strings(r, s.load.notices);
  }
  if ((s.has_facts = r.boolean())) {
    RunFacts& f = s.facts;
    f.serial = r.u32(), f.has_run = r.boolean(), f.dims = r.i32(), f.num_classes = r.i32();
    f.reference_exact = r.boolean(), f.learned_projection = r.boolean(), f.info_x = r.f64();
    f.class_entropy = r.f64();
  }
  const std::uint8_t state = r.u8();
  if (state > static_cast<std::uint8_t>(RunState::diverged)) return false;
  s.state = static_cast<RunState>(state);
  s.message = r.text(), s.status = r.text();
  s.epoch = r.i32(), s.epoch_progress = r.f64();
  s.mnist_state = r.text();
  EnginePerf& p = s.perf;
  p.train_ms_last_tick = r.f64(), p.field_ms_last = r.f64(), p.refreshes_per_second = r.f64();
  p.refresh_count = r.i32(), p.samples_per_second = r.f64(), p.train_samples_per_second = r.f64();
  p.info_ms_last = r.f64(), p.info_queued = r.i32();
  p.decoder_ms_last = r.f64(), p.work_share = r.f64();
  s.history_reset = r.boolean();
  s.new_history.resize(r.count(40));
  for (MetricsSnapshot& row : s.new_history) get_snapshot_row(r, row);
  s.new_information.resize(r.count(kInformationRowBytes));
  for (InformationRow& row : s.new_information) get_information_row(r, row);
  s.new_layer_metrics.resize(r.count(8));  // the smallest row: epoch, no layers
  for (LayerMetricsRow& row : s.new_layer_metrics) get_layer_row(r, row);
  if ((s.has_bias_variance = r.boolean())) get_bias_variance(r, s.bias_variance);
  if ((s.has_fields = r.boolean())) s.fields_version = r.i32(), s.fields_layer = r.i32(), get_fields(r, s.fields);
  if ((s.has_confusion = r.boolean())) {
    s.confusion.resize(r.count(4));
    for (std::vector<int>& row : s.confusion) get_ints(r, row);
  }
  if ((s.has_samples = r.boolean())) get_matrix(r, s.samples), get_ints(r, s.sample_labels);
  if ((s.has_gallery = r.boolean())) {
    s.image_side = r.i32(), s.gallery_total = r.i32(), s.test_size = r.i32();
    s.gallery.resize(r.count(24));
    for (MisclassifiedDigit& d : s.gallery) {
      d.test_index = r.i32(), d.true_label = r.i32(), d.predicted_label = r.i32();
      d.confidence = static_cast<float>(r.f64());
      get_bytes(r, d.pixels);
    }
  }
  if ((s.has_probe = r.boolean())) {
    s.probe.x = r.f64(), s.probe.y = r.f64(), s.probe.valid = r.boolean();
    if (s.probe.valid) get_fields(r, s.probe.fields);
    s.probe.nearest.resize(r.count(20));
    for (NearestDigit& d : s.probe.nearest) {
      d.index = r.i32(), d.label = r.i32(), d.distance = static_cast<float>(r.f64());
      get_bytes(r, d.pixels);
    }
  }
  if ((s.has_cut = r.boolean())) {
    s.cut.active = r.boolean(), s.cut.valid = r.boolean();
    CutSegment& g = s.cut.segment;
    g.x0 = r.f64(), g.y0 = r.f64(), g.x1 = r.f64(), g.y1 = r.f64();
    if (s.cut.valid) {
      get_fields(r, s.cut.fields);  // its points are the segment's, not the lattice of its one-row grid
      if (r.ok() && s.cut.fields.dims() == 2 && s.cut.fields.size() >= 2)
        s.cut.fields.points = cut_points(g, s.cut.fields.size());
      else
        r.fail();
    }
  }
  if ((s.has_path = r.boolean())) {
    PathResult& p = s.path;
    p.active = r.boolean(), p.valid = r.boolean(), p.error = r.text();
    p.digit_a = r.i32(), p.digit_b = r.i32(), p.pair = r.i32(), p.class_a = r.i32(), p.class_b = r.i32();
    p.test_a = r.i32(), p.test_b = r.i32();
    p.image_side = r.i32();
    if (p.valid) {
      p.images.resize(r.count(4));
      for (std::vector<std::uint8_t>& image : p.images) get_bytes(r, image);
      get_matrix(r, p.codes);
      get_fields(r, p.fields);  // its points are the codes, not the lattice of its one-row grid
      p.cosine_distance.resize(r.count(sizeof(double)));
      for (double& d : p.cosine_distance) d = r.f64();
      const Eigen::Index steps = static_cast<Eigen::Index>(p.images.size());
      if (r.ok() && p.codes.rows() == p.fields.dims() && p.codes.cols() == steps && p.fields.size() == steps &&
          static_cast<Eigen::Index>(p.cosine_distance.size()) == steps - 1)
        p.fields.points = p.codes;
      else
        r.fail();
    }
  }
  if ((s.has_drawn = r.boolean())) {
    DrawnResult& d = s.drawn;
    d.command = r.u32(), d.active = r.boolean(), d.valid = r.boolean(), d.error = r.text();
    if (d.valid) {
      d.image_side = r.i32();
      get_bytes(r, d.image);
      d.predicted = r.i32();
      get_matrix(r, d.code);
      get_fields(r, d.fields);  // its one point is the code, not the lattice of its one-row grid
      d.nearest.resize(r.count(20));
      for (NearestDigit& n : d.nearest) {
        n.index = r.i32(), n.label = r.i32(), n.distance = static_cast<float>(r.f64());
        get_bytes(r, n.pixels);
      }
      if (r.ok() && d.code.cols() == 1 && d.code.rows() == d.fields.dims() && d.fields.size() == 1)
        d.fields.points = d.code;
      else
        r.fail();
    }
  }
  if ((s.has_decoder = r.boolean())) {
    DecoderResult& d = s.decoder;
    d.valid = r.boolean(), d.epoch = r.i32(), d.draws = r.i32(), d.median_rel_error = r.f64();
    get_matrix(r, d.points), get_matrix(r, d.covariance), get_matrix(r, d.fisher), get_matrix(r, d.jacobian_fisher);
    const Eigen::Index n = d.points.cols();
    if (r.ok() && d.points.size() + d.covariance.size() + d.fisher.size() + d.jacobian_fisher.size() > 0 &&
        !(d.points.rows() == 2 && d.covariance.rows() == 3 && d.covariance.cols() == n &&
                    d.fisher.rows() == 3 && d.fisher.cols() == n && d.jacobian_fisher.rows() == 3 &&
                    d.jacobian_fisher.cols() == n))
      r.fail();
  }
  if ((s.has_loss_maps = r.boolean())) {
    get_loss_map(r, s.loss_maps.before), get_loss_map(r, s.loss_maps.latest);
    s.loss_maps.points_done = r.i32(), s.loss_maps.points_total = r.i32();
  }
  if ((s.has_width_study = r.boolean())) get_width_study(r, s.width_study);
  return r.ok() && r.at_end();
}

}  // namespace catgeo
