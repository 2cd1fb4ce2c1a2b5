from __future__ import annotations
import io, math, operator, numpy as np, torch, PIL.Image
from fastcore.basics import patch, noop
from fastcore.foundation import L
from fastai.data.core import DataLoaders
from fastai.data.load import fa_collate
from fastai.data.transforms import Categorize, MultiCategorize, OneHotEncode, RegressionSetup, ToTensor, parent_label
from fastai.torch_core import TensorCategory, retain_type
from fastai.vision.core import PILBase, PILImage
from fastai.vision.augment import Resize, RandomResizedCrop, FlipItem, ResizeMethod, _pad_modes
from torchvision.transforms.functional import pad as tvpad
from .data import DBDataLoader, ReadsDBItems, db_bytes, _rows_of, _decode_error

_Y_TFMS, _SIZERS, _ITEM_TFMS = (Categorize, MultiCategorize, OneHotEncode, RegressionSetup), (Resize, RandomResizedCrop), (Resize, RandomResizedCrop, FlipItem, ToTensor)
_CREATES = (PILBase.create.__func__, ReadsDBItems.create.__func__)

def _fn(t): return getattr(getattr(t, 'encodes', None), '_f', None)

def lean_plan(dl) -> tuple:
    "`(plan, None)` if `dl` can decode its images straight into the batch, else `(None, why not)`"
    ds = dl.dataset
    if _rows_of(ds) is None: return None, "its items are not a `get_db_items` result"
    tls = getattr(ds, 'tls', None)
    if tls is None or len(tls) != 2 or getattr(ds, 'n_inp', 1) != 1: return None, "it is not one image and one target"
    *gx, mk = tls[0].tfms.fs
    cls = getattr(_fn(mk), '__self__', None)
    if not (isinstance(cls, type) and issubclass(cls, PILImage) and getattr(cls.create, '__func__', None) in _CREATES):
        return None, f"the input is made by {mk.name}, not by a PILImage class"
    if any(_fn(f) is not db_bytes and getattr(_fn(f), '__name__', None) != 'noop' for f in gx): return None, f"get_x is {gx[0].name}, not the item's bytes"
    mode = cls._open_args.get('mode')
    if mode not in ('RGB', 'L'): return None, f"{cls.__name__} opens images in mode {mode!r}, not RGB or L"
    yf = list(tls[1].tfms.fs)
    i = next((j for j, f in enumerate(yf) if type(f) in _Y_TFMS), len(yf))
    if i == len(yf) or not all(type(f) in _Y_TFMS for f in yf[i:]):
        return None, "the target is not a CategoryBlock, MultiCategoryBlock or RegressionBlock"
    tfms = list(dl.after_item.fs)
    if (bad := [t.name.split(' --')[0] for t in tfms if type(t) not in _ITEM_TFMS]): return None, f"item_tfms {bad} are not lean"
    sizers = [j for j, t in enumerate(tfms) if type(t) in _SIZERS]
    if len(sizers) > 1: return None, "item_tfms have more than one Resize or RandomResizedCrop"
    if type(tfms[-1]) is not ToTensor or any(type(t) is FlipItem for t in tfms[sizers[0] if sizers else len(tfms):]):
        return None, "item_tfms are not in the order flip, size, ToTensor"
    if len(dl.before_batch.fs): return None, "it has before_batch transforms"
    if dl.bs is None or dl.prebatched or not dl.indexed: return None, "it does not make batches of indexed items"
    c, (w, h) = 1 if mode == 'L' else 3, tfms[sizers[0]].size if sizers else (None, None)
    by_key = len(yf) == 2 and _fn(yf[0]) is parent_label and type(yf[1]) is Categorize  # labels from the keys, no item made
    return dict(cls=cls, mode=mode, shape=(c, h, w) if sizers else None, o2i=yf[1].vocab.o2i if by_key else None), None

def _geometry(t, w, h) -> tuple:
    "The box fastai's `t` crops from a `w`×`h` image (it may reach outside: padding), the size it resizes that to, and the final centre crop (or None)"
    if type(t) is RandomResizedCrop:
        (x, y), (cw, ch), fin = t.tl, t.cp_size, tuple(t.final_size)
        return (x, y, x + cw, y + ch), fin, None if fin == tuple(t.size) else tuple(t.size)
    if t.method == ResizeMethod.Squish: return (0, 0, w, h), tuple(t.size), None
    sw, sh = t.size
    m = w/sw if (operator.gt if t.method == ResizeMethod.Pad else operator.lt)(w/sw, h/sh) else h/sh
    cw, ch = int(m*sw), int(m*sh)
    x, y = int(t.pcts[0]*(w - cw)), int(t.pcts[1]*(h - ch))
    return (x, y, x + cw, y + ch), tuple(t.size), None

def decode_item(data:bytes, tfms, split_idx=None, mode='RGB', draft=True) -> np.ndarray:
    "The uint8 array (H,W,C or H,W) fastai's item transforms `tfms` make of the image `data`, made with Pillow alone; `draft`: decode JPEGs scaled down by 2, 4 or 8 where the target allows"
    im = PIL.Image.open(io.BytesIO(data))
    flip, sizer = False, None
    for t in tfms:  # the random draws of fastai's pipeline, in its order, before any pixel is decoded
        if type(t) is ToTensor: continue
        t.before_call((im,), split_idx=split_idx)
        if type(t) is FlipItem: flip ^= t.do and (t.split_idx is None or t.split_idx == split_idx)
        else: sizer = t
    w, h = im.size
    (x0, y0, x1, y1), (fw, fh), final = _geometry(sizer, w, h) if sizer else ((0, 0, w, h), (w, h), None)
    c0, c1 = (max(x0, 0), max(y0, 0)), (min(x1, w), min(y1, h))  # the part inside the image, padded after
    pad = (c0[0] - x0, c0[1] - y0, x1 - c1[0], y1 - c1[1])
    if flip: c0, c1 = (w - c1[0], c0[1]), (w - c0[0], c1[1])  # the mirror of the box, cropped then flipped: the pads stay
    box, resample = (*c0, *c1), sizer.mode
    if draft and sizer and im.format == 'JPEG' and not any(pad):
        cw, ch = box[2] - box[0], box[3] - box[1]
        r = im.draft(im.mode, (math.ceil(w*fw/cw), math.ceil(h*fh/ch)))
        if r is not None and r[1][2] < w:  # decoded at 1/s: the box in the smaller image, resampled straight to the size
            s = w / r[1][2]
            im = im.convert(mode) if im.mode != mode else im
            im = im.resize((fw, fh), resample, box=tuple(v / s for v in box))
            if flip: im = im.transpose(PIL.Image.Transpose.FLIP_LEFT_RIGHT)
            box = None
    if box is not None:  # fastai's steps: convert, crop, flip, pad, resize
        im.load()
        if im.mode != mode: im = im.convert(mode)
        if box != (0, 0, w, h): im = im.crop(box)
        if flip: im = im.transpose(PIL.Image.Transpose.FLIP_LEFT_RIGHT)
        if any(pad): im = tvpad(im, list(pad), padding_mode=_pad_modes[getattr(sizer, 'pad_mode', 'zeros')])
        if im.size != (fw, fh): im = im.resize((fw, fh), resample)
    if final is not None:
        l, t_ = (fw - final[0])//2, (fh - final[1])//2
        im = im.crop((l, t_, l + final[0], t_ + final[1]))
    return np.asarray(im)

def _read(rows, idxs) -> list:
    "The bytes of the items at positions `idxs` of `rows`, in order, one `read_many` a dataset file"
    pos = np.asarray(idxs, np.int64)
    if rows._pos is not None: pos = rows._positions()[pos]
    rid = rows._rowid[pos]
    if rows._dbi is None: return rows.dbs[0].read_many(rid, hint=False)
    dbi, out = rows._dbi[pos], [None] * len(pos)
    for k in np.unique(dbi).tolist():
        sel = np.flatnonzero(dbi == k)
        for j, d in zip(sel.tolist(), rows.dbs[k].read_many(rid[sel], hint=False)): out[j] = d
    return out

def _parent(key:str) -> str: p = key.split('/'); return p[-2] if len(p) > 1 else ''

class LeanDL(DBDataLoader):
    "A `DBDataLoader` that decodes each batch's images straight into one uint8 tensor where it can, and reads item by item where it cannot"
    def __init__(self, dataset=None, lean=True, draft=True, **kwargs):
        self.want_lean, self.draft = lean, draft
        super().__init__(dataset, **kwargs)
        self._choose()

    def _choose(self):
        self._plan, self.why_not = lean_plan(self) if self.want_lean else (None, "lean=False")
        if self._plan is None and self.want_lean and self.dataset is not None and not len(self.dataset): self.why_not = "it has no items"

    @property
    def lean(self) -> bool:
        "Whether batches are decoded straight into the batch tensor"
        return self._plan is not None
    @property
    def path_taken(self) -> str:
        "'lean' (+ ', DCT scaling' when JPEGs may be decoded smaller), or 'per-item' and why"
        return ('lean' + (', DCT scaling' if self.draft else '')) if self.lean else f"per-item ({self.why_not})"
    def __repr__(self): return f"{type(self).__name__}({self.path_taken}, bs={self.bs}, {len(self.dataset) if self.dataset is not None else 0} items)"

    def new(self, dataset=None, cls=None, **kwargs):
        if cls is None or issubclass(cls, LeanDL): kwargs = {'lean': self.want_lean, 'draft': self.draft, **kwargs}
        return super().new(dataset, cls, **kwargs)

    def before_iter(self):
        super().before_iter()
        self._choose()  # item_tfms, the dataset... may have changed since it was made

    def create_batches(self, samps):
        if self._plan is None: yield from super().create_batches(samps); return
        rows, chunks = _rows_of(self.dataset), iter(self.chunkify(samps))
        b = next(chunks, None)
        if b is not None: self._hint(rows, b)
        while b is not None:
            nxt = next(chunks, None)
            if nxt is not None: self._hint(rows, nxt)  # the disk reads the next batch while this one is decoded
            yield self.lean_batch(rows, b)
            b = nxt

    def lean_batch(self, rows, idxs) -> tuple:
        "The batch of the items at positions `idxs`: `(TensorImage, target)` as fastai's collation makes it, before `after_batch`"
        p, split_idx, tfms = self._plan, getattr(self.dataset, 'split_idx', None), list(self.after_item.fs)
        out = None if p['shape'] is None else torch.empty((len(idxs), *p['shape']), dtype=torch.uint8)
        for j, (i, data) in enumerate(zip(idxs, _read(rows, idxs))):
            try: im = decode_item(data, tfms, split_idx, p['mode'], self.draft)
            except Exception as e: raise _decode_error(e, rows[i]) from e
            if out is None: out = torch.empty((len(idxs), 1 if im.ndim == 2 else 3, *im.shape[:2]), dtype=torch.uint8)
            elif im.shape[:2] != out.shape[2:]:
                raise ValueError(f"{rows[i].key!r} in {rows[i].db.path}: its size {im.shape[1::-1]} differs from the batch's {tuple(out.shape[:1:-1])}; add a Resize")
            out.numpy()[j] = im.transpose(2, 0, 1) if im.ndim == 3 else im
        if p['o2i'] is not None: y = TensorCategory(torch.tensor([p['o2i'][_parent(rows[i].key)] for i in idxs]))
        else:
            ys = [self.dataset.tls[1][i] for i in idxs]
            y = retain_type(fa_collate(ys), ys[0])
        return p['cls']._tensor_cls(out), y

@patch(as_prop=True)
def path_taken(self:DataLoaders) -> str:
    "How each of the `DataLoaders` reads its batches: 'lean' or 'per-item' and why"
    return '; '.join(f"{n}: {getattr(dl, 'path_taken', 'per-item')}" for n, dl in zip(['train', 'valid'] + [f'dl{i}' for i in range(2, 99)], self.loaders))
