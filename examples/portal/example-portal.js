/* global document, window */
/*
 * Embeds the Layerscope page given in ?report= (with ?theme= and ?links=) in this
 * portal's frame. It loads /embed/portal.js from the same Layerscope server first, so the
 * frame is sized to its content from the first height the page reports.
 */
;(function () {
  'use strict'
  var params = new URL(window.location.href).searchParams
  var frame = document.querySelector('iframe[data-layerscope-embed]')
  var status = document.getElementById('embed-status')
  var report = params.get('report') || ''
  var theme = params.get('theme') || ''
  var links = params.get('links') || 'frame'

  document.getElementById('report').value = report
  document.getElementById('theme').value = theme
  document.getElementById('links').value = links
  if (!report) return

  var url
  try {
    url = new URL(report)
  } catch {
    status.textContent = 'That is not a link. Copy it from the address bar of a Layerscope page.'
    return
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    status.textContent = 'A Layerscope link starts with http:// or https://.'
    return
  }
  url.searchParams.set('embed', '1')
  if (theme) url.searchParams.set('theme', theme)
  if (links === 'tab') url.searchParams.set('links', 'tab')

  var script = document.createElement('script')
  script.src = new URL('/embed/portal.js', url.origin).href
  script.addEventListener('load', function () {
    frame.src = url.href
    frame.hidden = false
  })
  script.addEventListener('error', function () {
    status.textContent = 'Layerscope did not answer at ' + url.origin + '.'
  })
  document.head.appendChild(script)
})()
