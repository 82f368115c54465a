// The header's upload badge: how many files wait to be published and how many of them failed,
// in words (the colour only repeats it). Hidden when nothing is published or nothing waits.
import { t } from './i18n.js';

export function uploadBadge(uploads) {
  const badge = document.getElementById('upload-badge');
  if (!uploads || (uploads.queued === 0 && !uploads.lastError)) {
    badge.hidden = true;
    return;
  }
  const failing = uploads.failing > 0;
  badge.hidden = false;
  badge.dataset.failing = String(failing);
  badge.textContent = failing ? t('badge.failing', { queued: uploads.queued, failing: uploads.failing }) : t('badge.queued', { queued: uploads.queued });
  if (uploads.queued === 0) badge.textContent = t('badge.allPublished');
  badge.title = uploads.lastError || '';
  badge.setAttribute('aria-label', `${t('badge.label')}: ${badge.textContent}`);
}
