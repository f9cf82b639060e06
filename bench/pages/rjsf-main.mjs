/**
 * The comparison page: stock react-jsonschema-form — real React 19 (installed as react-real /
 * react-dom-real and aliased in by bench/pages/build-pages.ts, never in the extension), @rjsf/core
 * with its default theme and @rjsf/validator-ajv8 with live validation, as people would use it.
 * It gets the same schema, data and format checkers as the workbench; kit-only widgets are dropped
 * from the UI schema (stock RJSF has no such widgets).
 */
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { kitFormats } from './rjsf-formats.ts';

const fixture = await (await fetch('./fixture.json')).json();
const validator = customizeValidator({ customFormats: kitFormats(fixture.occupations, fixture.districts) });

function App() {
  const [formData, setFormData] = useState(fixture.formData);
  return createElement(Form, {
    schema: fixture.schema,
    uiSchema: fixture.uiSchema,
    formData,
    validator,
    liveValidate: 'onChange',
    showErrorList: 'top',
    onChange: (e) => setFormData(e.formData),
  });
}

createRoot(document.getElementById('app')).render(createElement(App));
