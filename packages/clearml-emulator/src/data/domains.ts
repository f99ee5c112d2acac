import { createHash } from 'node:crypto';
import type { User } from '../store/entities.js';
import { COMPANY_ID } from '../store/entities.js';

/** All sample timestamps hang off this date, so the data is the same on every run. */
export const BASE_DATE_MS = Date.parse('2025-06-02T09:00:00.000Z');

const fixedId = (label: string) =>
  createHash('md5').update(`clearml-emulator:${label}`).digest('hex');

export const SAMPLE_USERS: readonly User[] = [
  { id: fixedId('user:alex'), name: 'Alex Morgan', company: COMPANY_ID, role: 'admin' },
  { id: fixedId('user:priya'), name: 'Priya Natarajan', company: COMPANY_ID, role: 'user' },
  { id: fixedId('user:jonas'), name: 'Jonas Weber', company: COMPANY_ID, role: 'user' },
  { id: fixedId('user:mei'), name: 'Mei Chen', company: COMPANY_ID, role: 'user' },
  { id: fixedId('user:samuel'), name: 'Samuel Okafor', company: COMPANY_ID, role: 'user' },
];

/** The user the emulator's key pair belongs to. */
export const KEY_OWNER = SAMPLE_USERS[0] as User;

export const QUEUES = [
  fixedId('queue:default'),
  fixedId('queue:gpu-a100'),
  fixedId('queue:services'),
];

export type MetricSpec = readonly [metric: string, variant: string, start: number, end: number];

export interface Domain {
  repo: string;
  entryPoints: readonly string[];
  archs: readonly string[];
  datasets: readonly string[];
  frameworks: readonly string[];
  metrics: readonly MetricSpec[];
  labels: readonly string[];
  image: string;
  requirements: string;
}

export const DOMAINS = {
  detection: {
    repo: 'https://github.com/acme-ml/vision-detection.git',
    entryPoints: ['train.py', 'tools/train_det.py', 'val.py'],
    archs: ['yolov8n', 'yolov8s', 'yolov8m', 'faster-rcnn-r50', 'detr-r50', 'rtdetr-l'],
    datasets: ['coco-2017', 'warehouse-pallets-v3', 'traffic-cams-2024', 'retail-shelves'],
    frameworks: ['PyTorch', 'ONNX', 'TensorRT'],
    metrics: [
      ['metrics', 'mAP50-95', 0.12, 0.53],
      ['metrics', 'mAP50', 0.25, 0.71],
      ['train', 'box_loss', 2.1, 0.62],
    ],
    labels: ['background', 'person', 'car', 'truck', 'bicycle', 'pallet', 'forklift'],
    image: 'ultralytics/ultralytics:8.2.48',
    requirements:
      'torch==2.3.1\ntorchvision==0.18.1\nultralytics==8.2.48\nclearml==1.16.2\nopencv-python-headless==4.10.0.84\n',
  },
  segmentation: {
    repo: 'https://github.com/acme-ml/vision-segmentation.git',
    entryPoints: ['train_seg.py', 'scripts/finetune.py'],
    archs: ['deeplabv3-r101', 'segformer-b2', 'unet-effb4', 'mask2former-swin-t'],
    datasets: ['cityscapes', 'ade20k', 'aerial-roofs-v2', 'medical-ct-liver'],
    frameworks: ['PyTorch', 'ONNX'],
    metrics: [
      ['val', 'mIoU', 0.31, 0.78],
      ['val', 'pixel_acc', 0.71, 0.95],
      ['train', 'loss', 1.4, 0.21],
    ],
    labels: ['background', 'road', 'building', 'vegetation', 'sky', 'roof'],
    image: 'nvcr.io/nvidia/pytorch:24.05-py3',
    requirements:
      'torch==2.3.1\nsegmentation-models-pytorch==0.3.3\nalbumentations==1.4.8\nomegaconf==2.3.0\nclearml==1.16.2\n',
  },
  nlp: {
    repo: 'https://github.com/acme-ml/nlp-sentiment.git',
    entryPoints: ['train_classifier.py', 'finetune.py', 'evaluate.py'],
    archs: ['distilbert-base', 'roberta-base', 'deberta-v3-small', 'bilstm-glove'],
    datasets: ['imdb', 'sst2', 'product-reviews-de', 'support-tickets-2024'],
    frameworks: ['PyTorch', 'TensorFlow', 'Keras'],
    metrics: [
      ['eval', 'accuracy', 0.62, 0.94],
      ['eval', 'f1', 0.58, 0.93],
      ['train', 'loss', 0.69, 0.12],
    ],
    labels: ['negative', 'neutral', 'positive'],
    image: 'huggingface/transformers-pytorch-gpu:4.41.2',
    requirements:
      'transformers==4.41.2\ndatasets==2.19.2\ntorch==2.3.1\nevaluate==0.4.2\nclearml==1.16.2\n',
  },
  audio: {
    repo: 'https://github.com/acme-ml/audio-events.git',
    entryPoints: ['train_audio.py', 'scripts/extract_features.py'],
    archs: ['wav2vec2-base', 'panns-cnn14', 'ast-audioset', 'whisper-small'],
    datasets: ['esc-50', 'urbansound8k', 'factory-noise-v1'],
    frameworks: ['PyTorch', 'ONNX'],
    metrics: [
      ['val', 'accuracy', 0.41, 0.91],
      ['val', 'wer', 0.48, 0.09],
      ['train', 'loss', 2.3, 0.3],
    ],
    labels: ['speech', 'music', 'siren', 'dog_bark', 'machinery'],
    image: 'pytorch/pytorch:2.3.1-cuda12.1-cudnn8-runtime',
    requirements: 'torch==2.3.1\ntorchaudio==2.3.1\nlibrosa==0.10.2\nclearml==1.16.2\n',
  },
  tabular: {
    repo: 'https://github.com/acme-ml/cat-breeds.git',
    entryPoints: ['fit.py', 'notebooks/baseline.py'],
    archs: ['random-forest', 'xgboost', 'logreg', 'lightgbm'],
    datasets: ['cat-breeds-v1', 'cat-breeds-v2', 'shelter-intake'],
    frameworks: ['scikit-learn', 'XGBoost', 'LightGBM'],
    metrics: [
      ['validation', 'accuracy', 0.55, 0.89],
      ['validation', 'roc_auc', 0.61, 0.95],
    ],
    labels: ['siamese', 'persian', 'maine_coon', 'bengal', 'sphynx'],
    image: 'python:3.11-slim',
    requirements: 'scikit-learn==1.5.0\nxgboost==2.0.3\npandas==2.2.2\nclearml==1.16.2\n',
  },
} satisfies Record<string, Domain>;

export type DomainKey = keyof typeof DOMAINS;
